// Every table, gathered for Drizzle. Each table is owned by the module whose folder defines it.
export * from "../api-tokens/tables";
export * from "../audit/tables";
export * from "../auth/tables";
export * from "../authorities/tables";
export * from "../capacity-building/tables";
export * from "../directory/tables";
export * from "../http/tables";
export * from "../incidents/tables";
export * from "../meetings/tables";
export * from "../notify/tables";
export * from "../pings/tables";
export * from "../requests/tables";
export * from "../requests/transfer-tables";
export * from "../webhooks/tables";
