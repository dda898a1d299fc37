import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Where a webhook may point. Outside demo mode: https only, and never at a private, loopback,
 * link-local or otherwise internal address, so that a webhook cannot be used to reach the
 * server's own network (SSRF). Checked when the webhook is saved and again before each delivery
 * (a name may resolve elsewhere later).
 */
const INTERNAL = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  INTERNAL.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const) {
  INTERNAL.addSubnet(net, bits, "ipv6");
}

export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return INTERNAL.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: refuse
  return INTERNAL.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why this URL may not receive webhooks, or null when it may. */
export async function webhookUrlProblem(raw: string, opts: { demo: boolean }): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Not a valid address";
  }
  if (url.protocol !== "https:" && !(opts.demo && url.protocol === "http:")) {
    return "The address must start with https://";
  }
  if (url.username || url.password) return "Put no user name or password in the address";
  if (opts.demo) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return `The name ${host} does not resolve`;
  }
  if (addresses.length === 0 || addresses.some(isInternalAddress)) {
    return "The address points at a private or internal network";
  }
  return null;
}
