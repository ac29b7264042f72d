import { ChannelKind } from '@worksite/shared-domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateCrewChannelDto } from './crew-channel.dto';

const crewId = '7d4c1a6e-2b1f-4c3e-9f6a-1b2c3d4e5f60';

/** The constraint messages the DTO reports for `address` (catalog keys, rendered by the api). */
async function addressProblems(kind: ChannelKind | undefined, address: string): Promise<string[]> {
  const dto = plainToInstance(CreateCrewChannelDto, { crewId, kind, address });
  const errors = await validate(dto);
  return errors.filter((e) => e.property === 'address').flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('a crew channel address is checked against its kind', () => {
  it.each([
    [ChannelKind.Email, 'dianlan1@example.com'],
    [ChannelKind.Sms, '13812345678'],
    [ChannelKind.WeCom, 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc'],
    [ChannelKind.DingTalk, 'https://oapi.dingtalk.com/robot/send?access_token=abc'],
    [ChannelKind.Feishu, 'https://open.feishu.cn/open-apis/bot/v2/hook/abc'],
  ])('accepts a %s address %s', async (kind, address) => {
    expect(await addressProblems(kind, address)).toEqual([]);
  });

  it.each([
    [ChannelKind.Email, '13812345678', 'channelAddressEmail'],
    [ChannelKind.Sms, 'dianlan1@example.com', 'channelAddressSms'],
    [ChannelKind.WeCom, 'qyapi.weixin.qq.com/webhook', 'channelAddressWebhook'],
    [ChannelKind.Feishu, 'ftp://open.feishu.cn/hook', 'channelAddressWebhook'],
  ])('refuses a %s address %s, saying what the kind expects', async (kind, address, message) => {
    expect(await addressProblems(kind, address)).toContain(message);
  });

  it('leaves an address without a kind to the kind’s own check', async () => {
    expect(await addressProblems(undefined, 'anything')).toEqual([]);
  });
});
