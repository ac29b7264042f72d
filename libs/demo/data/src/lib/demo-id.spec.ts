import { demoId, uuidV5 } from './demo-id';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  it('matches the RFC test vector for www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('hashes names as UTF-8', () => {
    expect(uuidV5('八经街32号楼', DNS_NAMESPACE)).toBe(uuidV5('八经街32号楼', DNS_NAMESPACE));
    expect(uuidV5('八经街32号楼', DNS_NAMESPACE)).not.toBe(uuidV5('八经街34号楼', DNS_NAMESPACE));
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(RangeError);
  });
});

describe('demoId', () => {
  it('is a version 5, RFC variant UUID', () => {
    expect(demoId('location', '八经小区', '32号楼')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('is stable for a key and differs between kinds and keys', () => {
    const id = demoId('task', 'HPXC-FXRD', '八经小区', 'trench');
    expect(demoId('task', 'HPXC-FXRD', '八经小区', 'trench')).toBe(id);
    expect(demoId('dependency', 'HPXC-FXRD', '八经小区', 'trench')).not.toBe(id);
    expect(demoId('task', 'HPXC-FXRD', '九经小区', 'trench')).not.toBe(id);
  });
});
