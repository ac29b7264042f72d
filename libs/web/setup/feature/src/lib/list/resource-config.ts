import { FieldDef, FormValues } from '../forms/form-model';

/** One column of a setup list; `translate`: the value is a translation key (e.g. a kind). */
export interface Column<T> {
  label: string;
  value: (item: T) => string;
  translate?: boolean;
}

/** Everything a generic setup screen needs to list, create, edit and delete one resource. */
export interface ResourceConfig<T> {
  /** Translation key of one record ("setup.crews.noun"). */
  noun: string;
  /** Used in data-testid attributes ("crew"). */
  testId: string;
  fields: FieldDef[];
  columns: Column<T>[];
  /** Values sent with every create (e.g. the crew of a channel). */
  fixed?: Record<string, unknown>;
  /** Values a new record's form starts with. */
  defaults?: FormValues;
  /** What a record is called in the delete question. */
  title: (item: T) => string;
  /** Deleting is for administrators only on reference data; hide the button from others. */
  mayDelete?: () => boolean;
  /** The list takes a text search (`q`). */
  searchable?: boolean;
  /** After a save (`created`: it was new). */
  onSaved?: (item: T, created: boolean) => void;
}
