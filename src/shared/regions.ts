import { z } from "zod";

/**
 * The regions a ping test can be aimed at. The directory keeps no region for a Party, and a
 * Party's region does not change: it follows from its ISO 3166 code (UN geoscheme continents,
 * with Western Asia and the Caucasus as in the Council of Europe's practice: Türkiye, Georgia,
 * Armenia, Azerbaijan and Cyprus in Europe). A code not listed is "other".
 */
export const REGIONS = ["africa", "americas", "asia_pacific", "europe", "other"] as const;
export const Region = z.enum(REGIONS);
export type Region = z.infer<typeof Region>;

const CODES: Record<Exclude<Region, "other">, string> = {
  africa:
    "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW",
  americas: "AG AR BS BB BZ BO BR CA CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT US UY VE",
  asia_pacific:
    "AF AU BD BH BT BN KH CN FJ IN ID IR IQ IL JP JO KZ KI KW KG LA LB MY MV MH FM MN MM NR NP NZ KP OM PK PW PS PG PH QA WS SA SG SB KR LK SY TW TJ TH TL TO TM TV AE UZ VU VN YE",
  europe:
    "AL AD AM AT AZ BY BE BA BG HR CY CZ DK EE FI FR GE DE GR HU IS IE IT XK LV LI LT LU MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH TR UA GB VA",
};

const BY_CODE = new Map<string, Region>(
  Object.entries(CODES).flatMap(([region, codes]) => codes.split(" ").map((c) => [c, region as Region])),
);

export function regionOf(iso2: string): Region {
  return BY_CODE.get(iso2.toUpperCase()) ?? "other";
}
