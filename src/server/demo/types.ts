import type { Art35Function, ContactPointType, PartyStatus } from "../../shared/directory";
import type { ChannelEntry, EmailEntry, OpeningHours, PhoneEntry } from "../directory/tables";

/** A contact point of the fictional demo network (real country, fictional unit and contacts). */
export type DemoContactPoint = {
  type: ContactPointType;
  institution: string;
  unit?: string;
  address?: string;
  phones: PhoneEntry[];
  emails: EmailEntry[];
  secureChannels?: ChannelEntry[];
  available247: boolean;
  timeZone: string;
  openingHours?: OpeningHours;
  outOfHours?: string;
  languages: string[];
  instructions?: string;
  functions: Art35Function[];
  handlesSap: boolean;
  mlaCoordination?: string;
  networks: ("budapest_art35" | "un_art41" | "g7" | "interpol")[];
};

export type DemoParty = {
  iso2: string;
  nameEn: string;
  nameFr: string;
  altNames: string[];
  status: PartyStatus;
  conventionRatifiedOn?: string; // YYYY-MM-DD
  sapRatifiedOn?: string;
  /** The first is the primary contact point; the others are secondary. */
  contactPoints: DemoContactPoint[];
};
