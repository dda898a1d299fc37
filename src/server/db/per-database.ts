/**
 * One value per open database, made on first use: for an instance's memory of what a database
 * holds (search rankings, known API tokens). Tests open many databases in one process, whose ids,
 * generations and tokens would otherwise be mixed up.
 */
export function perDatabase<T, D extends object = object>(make: (db: D) => T): (db: D) => T {
  const values = new WeakMap<D, T>();
  return (db) => {
    let value = values.get(db);
    if (value === undefined) {
      value = make(db);
      values.set(db, value);
    }
    return value;
  };
}
