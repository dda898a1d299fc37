import { customType, timestamp } from "drizzle-orm/pg-core";

/** A point in time, stored in UTC (timestamptz), read as a Date. */
export const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * bytea, read back as a Buffer from either driver: node-postgres gives a Buffer, PGlite a
 * Uint8Array (viewed here as a Buffer, not copied). Raw `execute` results bypass this mapping.
 */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});
