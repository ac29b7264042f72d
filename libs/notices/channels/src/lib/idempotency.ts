/**
 * The idempotency key of a provider call: one per delivery (or coordinator alert), stored
 * with it before the first attempt (it is derived from the row's id) and the same on every
 * attempt. A provider — or a person reading the mail headers — can then tell a resend after
 * a timeout from a new message. Email carries it as the Message-ID, the SMS gateway as
 * `idempotencyKey`.
 */
export const deliveryIdempotencyKey = (deliveryId: string): string => `delivery-${deliveryId}`;

export const alertIdempotencyKey = (alertId: string): string => `alert-${alertId}`;

export const makeReadyIdempotencyKey = (messageId: string): string => `make-ready-${messageId}`;

/** An email's Message-ID (without brackets) for an idempotency key. */
export const messageIdOf = (key: string, domain: string): string => `${key}@${domain || 'worksite'}`;
