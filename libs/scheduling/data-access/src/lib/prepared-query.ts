/**
 * The large statements of a push run as named prepared statements (node-postgres parses each once
 * per connection; PostgreSQL plans it once it has seen that one plan fits every call): planning
 * the unnamed statement again at every call took 3–4 ms each (the links and tasks read with
 * 1,000–2,000 ids, the write of the moves).
 */
export { preparedQuery } from '@worksite/server-data-access';
