import { DataSource } from 'typeorm';

export interface SeedOptions {
  ifEmpty: boolean;
  timeZone: string;
}

export async function seedDemo(
  _dataSource: DataSource,
  _options: SeedOptions,
): Promise<string> {
  return 'not yet';
}
