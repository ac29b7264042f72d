import { attachmentHeader } from './download';

describe('attachmentHeader', () => {
  it('names a download in ASCII and in UTF-8', () => {
    expect(attachmentHeader('HP-和平.xlsx')).toBe(
      `attachment; filename="HP-__.xlsx"; filename*=UTF-8''HP-%E5%92%8C%E5%B9%B3.xlsx`,
    );
  });
});
