import { ChannelKind } from '@worksite/shared-domain';
import { FieldMessageKey } from '@worksite/shared-i18n';
import {
  isEmail,
  isMobilePhone,
  isURL,
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/** Checks a channel address against its kind: an email, a mobile number, or an http(s) webhook URL. */
@ValidatorConstraint({ name: 'channelAddress' })
export class ChannelAddressRule implements ValidatorConstraintInterface {
  validate(address: string, args: ValidationArguments): boolean {
    const kind = (args.object as { kind?: ChannelKind }).kind;
    switch (kind) {
      case ChannelKind.Email:
        return isEmail(address);
      case ChannelKind.Sms:
        return isMobilePhone(address);
      case ChannelKind.WeCom:
      case ChannelKind.DingTalk:
      case ChannelKind.Feishu:
        return isURL(address, {
          protocols: ['http', 'https'],
          require_protocol: true,
          require_tld: false,
        });
      default:
        // Without a kind the address cannot be judged; the kind's own check reports that.
        return true;
    }
  }

  /** The catalog message (see @worksite/shared-i18n) of what the kind expects. */
  defaultMessage(args: ValidationArguments): FieldMessageKey {
    const kind = (args.object as { kind?: ChannelKind }).kind;
    if (kind === ChannelKind.Email) return 'channelAddressEmail';
    if (kind === ChannelKind.Sms) return 'channelAddressSms';
    return 'channelAddressWebhook';
  }
}
