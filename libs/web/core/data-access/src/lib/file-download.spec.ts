import { fileNameOf } from './file-download';

describe('fileNameOf', () => {
  it('takes the UTF-8 name first, then the plain one, then the fallback', () => {
    expect(
      fileNameOf(`attachment; filename="a_b.pdf"; filename*=UTF-8''${encodeURIComponent('和平-甘特.pdf')}`, 'x'),
    ).toBe('和平-甘特.pdf');
    expect(fileNameOf('attachment; filename="plan.pdf"', 'x')).toBe('plan.pdf');
    expect(fileNameOf("attachment; filename*=UTF-8''%E0%A4%A", 'x')).toBe('x');
    expect(fileNameOf(null, 'fallback.pdf')).toBe('fallback.pdf');
  });
});
