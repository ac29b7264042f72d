import { ChannelKind } from '@worksite/shared-domain';
import { FieldDef, FieldError, FieldOption } from './form-model';

type Extra = Partial<FieldDef>;

/** A text field; `max` as the API's MaxLength/Length. */
export function textField(key: string, label: string, max: number, extra: Extra = {}): FieldDef {
  return { key, label, kind: 'text', max, ...extra };
}

export function selectField(key: string, label: string, options: () => FieldOption[], extra: Extra = {}): FieldDef {
  return { key, label, kind: 'select', options, ...extra };
}

/** Choices of an enum, labelled by translation keys `${prefix}.${value}`. */
export function enumOptions(values: readonly string[], prefix: string): () => FieldOption[] {
  const options = values.map((value) => ({ value, label: `${prefix}.${value}`, translate: true }));
  return () => options;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s-]{6,20}$/;
const WEBHOOK = /^https?:\/\/[^\s/?#]+(\/\S*)?$/i;

export function emailError(value: unknown): FieldError | null {
  return EMAIL.test(String(value)) ? null : { key: 'setup.errors.email' };
}

/** A channel's address as its kind expects it (the API's channelAddress rule). */
export function channelAddressError(kind: unknown, address: unknown): FieldError | null {
  const text = String(address ?? '');
  switch (kind) {
    case ChannelKind.Email:
      return emailError(text);
    case ChannelKind.Sms:
      return PHONE.test(text) ? null : { key: 'setup.errors.mobile' };
    case ChannelKind.WeCom:
    case ChannelKind.DingTalk:
    case ChannelKind.Feishu:
      return WEBHOOK.test(text) ? null : { key: 'setup.errors.webhook' };
    default:
      return null;
  }
}

/** An end that must not lie before its start (local dates or instants, same format). */
export function notBefore(
  otherKey: string,
  strictly = false,
): (value: unknown, values: Record<string, unknown>) => FieldError | null {
  return (value, values) => {
    const other = values[otherKey];
    if (!other || !value) return null;
    const before = strictly ? String(value) <= String(other) : String(value) < String(other);
    return before ? { key: strictly ? 'setup.errors.after' : 'setup.errors.notBefore' } : null;
  };
}
