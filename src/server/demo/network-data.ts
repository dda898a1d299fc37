/**
 * Demo network of Vigil: FICTIONAL demo data.
 *
 * The 76 Parties with contact points as of December 2024 are real (ISO 3166 codes and names);
 * everything else about the contact points (units, addresses, phones, e-mails, instructions) is
 * invented. Phone numbers use the unassigned prefix +99 and e-mails the example.org domain.
 * The data reproduce the figures reported to the T-CY plenary in December 2024: 76 Parties,
 * 90 contact points, 12 Parties with more than one; police 65, prosecution 16, ministry of
 * justice 4, security services 3, cybersecurity 2.
 */
import type { DemoParty } from "./types";

export const DEMO_PARTIES: DemoParty[] = [
  {
    iso2: "AL",
    nameEn: "Albania",
    nameFr: "Albanie",
    altNames: ["Albanien", "Shqipëria"],
    status: "party",
    conventionRatifiedOn: "2002-06-20",
    contactPoints: [
      {
        type: "police",
        institution: "State Police",
        unit: "Cybercrime Investigation Sector",
        address: "8 Sample Avenue, Tirana",
        phones: [
          { number: "+9900810247", note: "24/7 duty officer", available247: true },
          {
            number: "+990081740137",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [{ address: "cp247.al@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Europe/Tirane",
        languages: ["en", "sq"],
        instructions:
          "Send requests by e-mail in English and call the duty phone to announce urgent ones. Include a case reference and a contact reachable around the clock.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
    ],
  },
  {
    iso2: "AD",
    nameEn: "Andorra",
    nameFr: "Andorre",
    altNames: ["Principality of Andorra", "Principat d'Andorra"],
    status: "party",
    conventionRatifiedOn: "2016-11-16",
    contactPoints: [
      {
        type: "police",
        institution: "Andorran Police",
        unit: "Technology Crime Unit",
        address: "15 Demo Boulevard, Andorra la Vella",
        phones: [{ number: "+9902010247", note: "24/7 duty officer", available247: true }],
        emails: [
          { address: "cp247.ad@example.org", note: "Monitored 24/7" },
          { address: "intl.ad@example.org", note: "Non-urgent correspondence" },
        ],
        available247: true,
        timeZone: "Europe/Andorra",
        languages: ["en", "ca", "es", "fr"],
        instructions:
          "Use the T-CY templates. For subscriber information (Art. 18) cite the legal basis in your law. Requests in Catalan or Spanish or French are answered faster.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "AR",
    nameEn: "Argentina",
    nameFr: "Argentine",
    altNames: ["Argentinien", "República Argentina"],
    status: "party",
    conventionRatifiedOn: "2018-06-05",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Public Prosecutor's Office",
        unit: "Specialised Cybercrime Prosecution Unit",
        address: "22 Placeholder Road, Buenos Aires",
        phones: [
          { number: "+9903210247", note: "24/7 duty officer", available247: true },
          { number: "+9903211200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.ar@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "America/Argentina/Buenos_Aires",
        languages: ["en", "es"],
        instructions:
          "Preservation requests must give the IP address with date, time and time zone, and state whether an MLA request will follow.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: true,
        mlaCoordination:
          "Not the MLA authority; forwards MLA follow-ups to the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "AM",
    nameEn: "Armenia",
    nameFr: "Arménie",
    altNames: ["Armenien", "Hayastan"],
    status: "party",
    conventionRatifiedOn: "2006-10-12",
    contactPoints: [
      {
        type: "security_service",
        institution: "National Security Service",
        unit: "Cyber Investigations Department",
        address: "29 Fictional Square, Yerevan",
        phones: [{ number: "+9905110247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.am@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Asia/Yerevan",
        languages: ["en", "hy"],
        instructions:
          "For a risk to life, call first; confirm in writing within 24 hours with the T-CY emergency template.",
        functions: ["technical_advice", "preservation", "locating_suspects"],
        handlesSap: false,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "AU",
    nameEn: "Australia",
    nameFr: "Australie",
    altNames: ["Australien", "Commonwealth of Australia"],
    status: "party",
    conventionRatifiedOn: "2012-11-30",
    contactPoints: [
      {
        type: "police",
        institution: "Australian Federal Police",
        unit: "Cybercrime Operations, International Liaison",
        address: "36 Illustration Lane, Canberra",
        phones: [{ number: "+9903610247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.au@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Australia/Sydney",
        languages: ["en"],
        instructions:
          "Attach a one-page summary of facts in English. Say whether the subscriber may be notified.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
    ],
  },
  {
    iso2: "AT",
    nameEn: "Austria",
    nameFr: "Autriche",
    altNames: ["Österreich", "Osterreich"],
    status: "party",
    conventionRatifiedOn: "2012-06-13",
    contactPoints: [
      {
        type: "police",
        institution: "Federal Criminal Police Office",
        unit: "Cybercrime Competence Centre",
        address: "43 Example Street, Vienna",
        phones: [
          { number: "+9904010247", note: "24/7 duty officer", available247: true },
          { number: "+9904011200", note: "Office line, working hours", available247: false },
        ],
        emails: [
          { address: "cp247.at@example.org", note: "Monitored 24/7" },
          { address: "intl.at@example.org", note: "Non-urgent correspondence" },
        ],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Vienna",
        languages: ["en", "de"],
        instructions:
          "Preservation is ordered for 90 days and can be extended once by 90 days; send the MLA request before expiry.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "AZ",
    nameEn: "Azerbaijan",
    nameFr: "Azerbaïdjan",
    altNames: ["Aserbaidschan", "Azərbaycan"],
    status: "party",
    conventionRatifiedOn: "2010-03-15",
    contactPoints: [
      {
        type: "security_service",
        institution: "State Security Service",
        unit: "Computer Incidents and Cybercrime Department",
        address: "50 Sample Avenue, Baku",
        phones: [{ number: "+9903110247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.az@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Asia/Baku",
        languages: ["en", "az"],
        instructions:
          "Use the e-mail only to announce a request; send case details over the secure channel where available. Mark the subject line 24/7 NETWORK - URGENT.",
        functions: ["technical_advice", "preservation", "locating_suspects"],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "BE",
    nameEn: "Belgium",
    nameFr: "Belgique",
    altNames: ["België", "Belgien", "Bélgica"],
    status: "party",
    conventionRatifiedOn: "2012-08-20",
    contactPoints: [
      {
        type: "police",
        institution: "Federal Judicial Police",
        unit: "Federal Computer Crime Unit",
        address: "57 Demo Boulevard, Brussels",
        phones: [{ number: "+9905610247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.be@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Brussels",
        languages: ["en", "nl", "fr", "de"],
        instructions:
          "Use the T-CY template matching the article you rely on. Give the exact URL, account identifier or IP address and the period concerned.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "BJ",
    nameEn: "Benin",
    nameFr: "Bénin",
    altNames: ["Dahomey", "Benín", "Republic of Benin"],
    status: "party",
    conventionRatifiedOn: "2024-03-14",
    contactPoints: [
      {
        type: "police",
        institution: "Republican Police",
        unit: "Central Office for the Suppression of Cybercrime",
        address: "64 Placeholder Road, Porto-Novo",
        phones: [
          { number: "+9920410247", note: "24/7 duty officer", available247: true },
          { number: "+9920411200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.bj@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Africa/Porto-Novo",
        languages: ["en", "fr"],
        instructions:
          "Requests in French or English. Use the T-CY templates and give a contact reachable at any hour.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35", "interpol"],
      },
    ],
  },
  {
    iso2: "BA",
    nameEn: "Bosnia and Herzegovina",
    nameFr: "Bosnie-Herzégovine",
    altNames: ["Bosnia", "BiH", "Bosna i Hercegovina", "Bosnien und Herzegowina"],
    status: "party",
    conventionRatifiedOn: "2006-05-19",
    contactPoints: [
      {
        type: "police",
        institution: "State Investigation and Protection Agency",
        unit: "Cybercrime Department",
        address: "71 Fictional Square, Sarajevo",
        phones: [{ number: "+9907010247", note: "24/7 duty officer", available247: true }],
        emails: [
          { address: "cp247.ba@example.org", note: "Monitored 24/7" },
          { address: "intl.ba@example.org", note: "Non-urgent correspondence" },
        ],
        available247: true,
        timeZone: "Europe/Sarajevo",
        languages: ["en", "bs", "hr", "sr"],
        instructions:
          "Requests must come from a law enforcement or judicial authority. Write in English; include the offence, its maximum penalty and the urgency.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "BR",
    nameEn: "Brazil",
    nameFr: "Brésil",
    altNames: ["Brasil", "Brasilien"],
    status: "party",
    conventionRatifiedOn: "2022-11-30",
    contactPoints: [
      {
        type: "police",
        institution: "Federal Police",
        unit: "Cybercrime Repression Unit",
        address: "78 Illustration Lane, Brasília",
        phones: [
          { number: "+9907610247", note: "24/7 duty officer", available247: true },
          {
            number: "+990761741507",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [{ address: "cp247.br@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "America/Sao_Paulo",
        languages: ["en", "pt"],
        instructions:
          "Send one request per provider. Include the data categories (subscriber, traffic, content) and the dates, with time zone.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "g7", "interpol", "un_art41"],
      },
    ],
  },
  {
    iso2: "BG",
    nameEn: "Bulgaria",
    nameFr: "Bulgarie",
    altNames: ["Bulgarien", "Balgariya"],
    status: "party",
    conventionRatifiedOn: "2005-04-07",
    contactPoints: [
      {
        type: "police",
        institution: "General Directorate for Combating Organised Crime",
        unit: "Cybercrime Department",
        address: "85 Example Street, Sofia",
        phones: [
          { number: "+9910010247", note: "24/7 duty officer", available247: true },
          { number: "+9910011200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.bg@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Sofia",
        languages: ["en", "bg"],
        instructions:
          "Use the T-CY data preservation template (Art. 29). Requests in English or Bulgarian. State the offence, the provider and the time zone of every timestamp.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "CV",
    nameEn: "Cabo Verde",
    nameFr: "Cabo Verde",
    altNames: ["Cape Verde", "Cap-Vert", "Kap Verde"],
    status: "party",
    conventionRatifiedOn: "2018-06-19",
    contactPoints: [
      {
        type: "police",
        institution: "Judiciary Police",
        unit: "Cybercrime Investigation Unit",
        address: "2 Sample Avenue, Praia",
        phones: [{ number: "+9913210247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.cv@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Atlantic/Cape_Verde",
        languages: ["en", "pt"],
        instructions:
          "Send requests by e-mail in English and call the duty phone to announce urgent ones. Include a case reference and a contact reachable around the clock.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "CM",
    nameEn: "Cameroon",
    nameFr: "Cameroun",
    altNames: ["Camerún", "Kamerun"],
    status: "party",
    conventionRatifiedOn: "2024-06-27",
    contactPoints: [
      {
        type: "police",
        institution: "General Delegation for National Security",
        unit: "Cybercrime Special Unit",
        address: "9 Demo Boulevard, Yaoundé",
        phones: [{ number: "+9912010247", note: "24/7 duty officer", available247: true }],
        emails: [
          { address: "cp247.cm@example.org", note: "Monitored 24/7" },
          { address: "intl.cm@example.org", note: "Non-urgent correspondence" },
        ],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Africa/Douala",
        languages: ["en", "fr"],
        instructions:
          "Use the T-CY templates. For subscriber information (Art. 18) cite the legal basis in your law. Requests in French are answered faster.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35", "interpol"],
      },
    ],
  },
  {
    iso2: "CA",
    nameEn: "Canada",
    nameFr: "Canada",
    altNames: ["Kanada", "Canadá"],
    status: "party",
    conventionRatifiedOn: "2015-07-08",
    contactPoints: [
      {
        type: "police",
        institution: "Royal Canadian Mounted Police",
        unit: "National Cybercrime Coordination Centre, 24/7 Desk",
        address: "16 Placeholder Road, Ottawa",
        phones: [
          { number: "+9912410247", note: "24/7 duty officer", available247: true },
          { number: "+9912411200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.ca@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "America/Toronto",
        languages: ["en", "fr"],
        instructions:
          "Preservation requests must give the IP address with date, time and time zone, and state whether an MLA request will follow.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
    ],
  },
  {
    iso2: "CL",
    nameEn: "Chile",
    nameFr: "Chili",
    altNames: ["Chilien", "República de Chile"],
    status: "party",
    conventionRatifiedOn: "2017-04-20",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Prosecutor's Office (Fiscalía Nacional)",
        unit: "Specialised Cybercrime Unit",
        address: "23 Fictional Square, Santiago",
        phones: [
          { number: "+9915210247", note: "24/7 duty officer", available247: true },
          {
            number: "+991521742192",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [{ address: "cp247.cl@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "America/Santiago",
        languages: ["en", "es"],
        instructions:
          "Write in Spanish or English. Use the T-CY templates; a duty prosecutor answers at any hour and can order preservation immediately.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: true,
        mlaCoordination:
          "Central authority for MLA during the investigation phase; MLA follow-ups can be sent to this office.",
        networks: ["budapest_art35", "g7", "un_art41"],
      },
    ],
  },
  {
    iso2: "CO",
    nameEn: "Colombia",
    nameFr: "Colombie",
    altNames: ["Kolumbien", "Columbia"],
    status: "party",
    conventionRatifiedOn: "2020-03-16",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Office of the Attorney General of the Nation (Fiscalía)",
        unit: "Cybercrime Prosecution Unit",
        address: "30 Illustration Lane, Bogotá",
        phones: [{ number: "+9917010247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.co@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "America/Bogota",
        languages: ["en", "es"],
        instructions:
          "Attach a one-page summary of facts in English or Spanish. Say whether the subscriber may be notified.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; forwards MLA follow-ups to the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "CR",
    nameEn: "Costa Rica",
    nameFr: "Costa Rica",
    altNames: ["Kostarika", "República de Costa Rica"],
    status: "party",
    conventionRatifiedOn: "2017-09-22",
    contactPoints: [
      {
        type: "police",
        institution: "Judicial Investigation Agency",
        unit: "Computer Crime Section",
        address: "37 Example Street, San José",
        phones: [
          { number: "+9918810247", note: "24/7 duty officer", available247: true },
          { number: "+9918811200", note: "Office line, working hours", available247: false },
        ],
        emails: [
          { address: "cp247.cr@example.org", note: "Monitored 24/7" },
          { address: "intl.cr@example.org", note: "Non-urgent correspondence" },
        ],
        available247: true,
        timeZone: "America/Costa_Rica",
        languages: ["en", "es"],
        instructions:
          "Preservation is ordered for 90 days and can be extended once by 90 days; send the MLA request before expiry.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "CI",
    nameEn: "Côte d'Ivoire",
    nameFr: "Côte d'Ivoire",
    altNames: ["Ivory Coast", "Cote d'Ivoire", "Costa de Marfil", "Elfenbeinküste"],
    status: "party",
    conventionRatifiedOn: "2023-09-21",
    contactPoints: [
      {
        type: "police",
        institution: "National Police",
        unit: "Cybercrime Response Platform",
        address: "44 Sample Avenue, Abidjan",
        phones: [{ number: "+9938410247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.ci@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Africa/Abidjan",
        languages: ["en", "fr"],
        instructions:
          "Use the e-mail only to announce a request; send case details over the secure channel where available. Mark the subject line 24/7 NETWORK - URGENT.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35", "un_art41"],
      },
      {
        type: "police",
        institution: "National Police, INTERPOL National Central Bureau",
        unit: "BCN-Interpol Abidjan",
        address: "51 Demo Boulevard, Abidjan",
        phones: [{ number: "+9938420247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "bcn-interpol.ci@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Africa/Abidjan",
        languages: ["en", "fr"],
        instructions:
          "For requests arriving through INTERPOL channels. Write in French or English and quote the I-24/7 message reference.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35", "interpol"],
      },
      {
        type: "cybersecurity",
        institution: "National Cybersecurity Authority",
        unit: "Computer Emergency Response Team",
        address: "58 Placeholder Road, Abidjan",
        phones: [
          { number: "+9938431200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cert.ci@example.org", note: "Monitored during office hours" }],
        available247: false,
        timeZone: "Africa/Abidjan",
        openingHours: [{ days: [1, 2, 3, 4, 5], from: "07:30", to: "16:30" }],
        outOfHours:
          "Outside office hours, call the 24/7 line of the primary contact point (National Police, +9938410247).",
        languages: ["en", "fr"],
        instructions:
          "Technical advice on incidents only (logs, indicators, affected networks). For preservation or evidence, contact the National Police.",
        functions: ["technical_advice"],
        handlesSap: false,
        mlaCoordination:
          "Not a judicial authority; refers evidence and MLA matters to the National Police.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "HR",
    nameEn: "Croatia",
    nameFr: "Croatie",
    altNames: ["Hrvatska", "Kroatien", "Croacia"],
    status: "party",
    conventionRatifiedOn: "2002-10-17",
    contactPoints: [
      {
        type: "police",
        institution: "Ministry of the Interior, Police Directorate",
        unit: "High-Tech Crime Department",
        address: "65 Fictional Square, Zagreb",
        phones: [{ number: "+9919110247", note: "24/7 duty officer", available247: true }],
        emails: [
          { address: "cp247.hr@example.org", note: "Monitored 24/7" },
          { address: "intl.hr@example.org", note: "Non-urgent correspondence" },
        ],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Zagreb",
        languages: ["en", "hr"],
        instructions:
          "Requests must come from a law enforcement or judicial authority. Write in English; include the offence, its maximum penalty and the urgency.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "CY",
    nameEn: "Cyprus",
    nameFr: "Chypre",
    altNames: ["Zypern", "Kýpros", "Chipre"],
    status: "party",
    conventionRatifiedOn: "2005-01-19",
    contactPoints: [
      {
        type: "police",
        institution: "Cyprus Police",
        unit: "Cybercrime Subdivision",
        address: "72 Illustration Lane, Nicosia",
        phones: [{ number: "+9919610247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.cy@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Asia/Nicosia",
        languages: ["en", "el"],
        instructions:
          "Send one request per provider. Include the data categories (subscriber, traffic, content) and the dates, with time zone.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "CZ",
    nameEn: "Czech Republic",
    nameFr: "République tchèque",
    altNames: ["Czechia", "Tchéquie", "Tschechien", "Česko"],
    status: "party",
    conventionRatifiedOn: "2013-08-22",
    contactPoints: [
      {
        type: "police",
        institution: "Police of the Czech Republic",
        unit: "National Cyber Crime Centre, International Desk",
        address: "79 Example Street, Prague",
        phones: [
          { number: "+9920310247", note: "24/7 duty officer", available247: true },
          { number: "+9920311200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.cz@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Prague",
        languages: ["en", "cs"],
        instructions:
          "Use the T-CY data preservation template (Art. 29). Requests in English or Czech. State the offence, the provider and the time zone of every timestamp.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "DK",
    nameEn: "Denmark",
    nameFr: "Danemark",
    altNames: ["Danmark", "Dänemark", "Dinamarca"],
    status: "party",
    conventionRatifiedOn: "2005-06-21",
    contactPoints: [
      {
        type: "police",
        institution: "Danish National Police",
        unit: "National Cyber Crime Centre",
        address: "86 Sample Avenue, Copenhagen",
        phones: [{ number: "+9920810247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.dk@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Copenhagen",
        languages: ["en", "da"],
        instructions:
          "Send requests by e-mail in English and call the duty phone to announce urgent ones. Include a case reference and a contact reachable around the clock.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "DO",
    nameEn: "Dominican Republic",
    nameFr: "République dominicaine",
    altNames: ["Dominican Rep.", "República Dominicana", "Dominikanische Republik"],
    status: "party",
    conventionRatifiedOn: "2013-02-07",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Public Prosecutor's Office",
        unit: "Specialised Prosecution Unit for High-Tech Crime",
        address: "3 Demo Boulevard, Santo Domingo",
        phones: [
          { number: "+9921410247", note: "24/7 duty officer", available247: true },
          {
            number: "+992141743562",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [
          { address: "cp247.do@example.org", note: "Monitored 24/7" },
          { address: "intl.do@example.org", note: "Non-urgent correspondence" },
        ],
        available247: true,
        timeZone: "America/Santo_Domingo",
        languages: ["en", "es"],
        instructions:
          "Use the T-CY templates. For subscriber information (Art. 18) cite the legal basis in your law. Requests in Spanish are answered faster.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Central authority for MLA during the investigation phase; MLA follow-ups can be sent to this office.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "EE",
    nameEn: "Estonia",
    nameFr: "Estonie",
    altNames: ["Eesti", "Estland"],
    status: "party",
    conventionRatifiedOn: "2003-05-12",
    contactPoints: [
      {
        type: "police",
        institution: "Police and Border Guard Board",
        unit: "Cybercrime Bureau",
        address: "10 Placeholder Road, Tallinn",
        phones: [
          { number: "+9923310247", note: "24/7 duty officer", available247: true },
          { number: "+9923311200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.ee@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Tallinn",
        languages: ["en", "et"],
        instructions:
          "Preservation requests must give the IP address with date, time and time zone, and state whether an MLA request will follow.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "FJ",
    nameEn: "Fiji",
    nameFr: "Fidji",
    altNames: ["Fidschi", "Fiyi", "Viti"],
    status: "party",
    conventionRatifiedOn: "2024-05-29",
    contactPoints: [
      {
        type: "police",
        institution: "Fiji Police Force",
        unit: "Cybercrime Unit",
        address: "17 Fictional Square, Suva",
        phones: [{ number: "+9924210247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.fj@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Pacific/Fiji",
        languages: ["en", "fj"],
        instructions:
          "For a risk to life, call first; confirm in writing within 24 hours with the T-CY emergency template.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35", "interpol"],
      },
      {
        type: "prosecution",
        institution: "Office of the Director of Public Prosecutions",
        unit: "International Cooperation Desk",
        address: "24 Illustration Lane, Suva",
        phones: [
          { number: "+9924221200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "odpp.fj@example.org", note: "Monitored during office hours" }],
        available247: false,
        timeZone: "Pacific/Fiji",
        openingHours: [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "16:30" }],
        outOfHours:
          "Outside office hours, call the 24/7 line of the primary contact point (Fiji Police Force, +9924210247).",
        languages: ["en", "fj"],
        instructions:
          "Attach a one-page summary of facts in English or Fijian. Say whether the subscriber may be notified.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; forwards MLA follow-ups to the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "FI",
    nameEn: "Finland",
    nameFr: "Finlande",
    altNames: ["Suomi", "Finnland", "Finlandia"],
    status: "party",
    conventionRatifiedOn: "2007-05-24",
    contactPoints: [
      {
        type: "police",
        institution: "National Bureau of Investigation",
        unit: "Cybercrime Centre",
        address: "31 Example Street, Helsinki",
        phones: [
          { number: "+9924610247", note: "24/7 duty officer", available247: true },
          { number: "+9924611200", note: "Office line, working hours", available247: false },
        ],
        emails: [
          { address: "cp247.fi@example.org", note: "Monitored 24/7" },
          { address: "intl.fi@example.org", note: "Non-urgent correspondence" },
        ],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Helsinki",
        languages: ["en", "fi", "sv"],
        instructions:
          "Preservation is ordered for 90 days and can be extended once by 90 days; send the MLA request before expiry.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "FR",
    nameEn: "France",
    nameFr: "France",
    altNames: ["République française", "Frankreich", "Francia"],
    status: "party",
    conventionRatifiedOn: "2006-01-10",
    contactPoints: [
      {
        type: "police",
        institution: "National Police",
        unit: "Office for Combating Cybercrime, 24/7 Desk",
        address: "38 Sample Avenue, Paris",
        phones: [
          { number: "+9925010247", note: "24/7 duty officer", available247: true },
          {
            number: "+992501744247",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [{ address: "cp247.fr@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Paris",
        languages: ["en", "fr"],
        instructions:
          "Use the e-mail only to announce a request; send case details over the secure channel where available. Mark the subject line 24/7 NETWORK - URGENT.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
      {
        type: "police",
        institution: "National Gendarmerie",
        unit: "Cyber Operations Centre",
        address: "45 Demo Boulevard, Paris",
        phones: [{ number: "+9925020247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "gendarmerie.fr@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Paris",
        languages: ["en", "fr"],
        instructions:
          "Use the T-CY template matching the article you rely on. Give the exact URL, account identifier or IP address and the period concerned.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "GE",
    nameEn: "Georgia",
    nameFr: "Géorgie",
    altNames: ["Sakartvelo", "Georgien"],
    status: "party",
    conventionRatifiedOn: "2012-06-06",
    contactPoints: [
      {
        type: "police",
        institution: "Ministry of Internal Affairs, Criminal Police Department",
        unit: "Cybercrime Division",
        address: "52 Placeholder Road, Tbilisi",
        phones: [
          { number: "+9926810247", note: "24/7 duty officer", available247: true },
          { number: "+9926811200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.ge@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Asia/Tbilisi",
        languages: ["en", "ka"],
        instructions:
          "Providers here keep traffic data for a limited period: send preservation requests without delay, then follow up with the case reference we give you.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35", "g7"],
      },
      {
        type: "prosecution",
        institution: "Prosecutor's Office",
        unit: "Cybercrime Unit",
        address: "59 Fictional Square, Tbilisi",
        phones: [
          { number: "+9926821200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "prosecution.ge@example.org", note: "Monitored during office hours" }],
        available247: false,
        timeZone: "Asia/Tbilisi",
        openingHours: [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "18:00" }],
        outOfHours:
          "Outside office hours, call the 24/7 line of the primary contact point (Ministry of Internal Affairs, Criminal Police Department, +9926810247).",
        languages: ["en", "ka"],
        instructions:
          "Requests must come from a law enforcement or judicial authority. Write in English; include the offence, its maximum penalty and the urgency.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Central authority for MLA during the investigation phase; MLA follow-ups can be sent to this office.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "DE",
    nameEn: "Germany",
    nameFr: "Allemagne",
    altNames: ["Deutschland", "Alemania", "Germania"],
    status: "party",
    conventionRatifiedOn: "2009-03-09",
    contactPoints: [
      {
        type: "police",
        institution: "Federal Criminal Police Office",
        unit: "Cybercrime Division, 24/7 Contact Point",
        address: "66 Illustration Lane, Wiesbaden",
        phones: [{ number: "+9927610247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.de@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Berlin",
        languages: ["en", "de"],
        instructions:
          "Send one request per provider. Include the data categories (subscriber, traffic, content) and the dates, with time zone.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
    ],
  },
  {
    iso2: "GH",
    nameEn: "Ghana",
    nameFr: "Ghana",
    altNames: ["Gold Coast"],
    status: "party",
    conventionRatifiedOn: "2018-12-03",
    contactPoints: [
      {
        type: "cybersecurity",
        institution: "Cyber Security Authority",
        unit: "Cybercrime Response Unit",
        address: "73 Example Street, Accra",
        phones: [
          { number: "+9928810247", note: "24/7 duty officer", available247: true },
          { number: "+9928811200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.gh@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Africa/Accra",
        languages: ["en"],
        instructions:
          "Use the T-CY data preservation template (Art. 29). Requests in English. State the offence, the provider and the time zone of every timestamp.",
        functions: ["technical_advice"],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "un_art41"],
      },
    ],
  },
  {
    iso2: "GR",
    nameEn: "Greece",
    nameFr: "Grèce",
    altNames: ["Hellas", "Ellada", "Griechenland", "Grecia"],
    status: "party",
    conventionRatifiedOn: "2017-01-25",
    contactPoints: [
      {
        type: "police",
        institution: "Hellenic Police",
        unit: "Cyber Crime Division",
        address: "80 Sample Avenue, Athens",
        phones: [{ number: "+9930010247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.gr@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Athens",
        languages: ["en", "el"],
        instructions:
          "Send requests by e-mail in English and call the duty phone to announce urgent ones. Include a case reference and a contact reachable around the clock.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "GD",
    nameEn: "Grenada",
    nameFr: "Grenade",
    altNames: ["Granada"],
    status: "party",
    conventionRatifiedOn: "2024-02-15",
    contactPoints: [
      {
        type: "police",
        institution: "Royal Grenada Police Force",
        unit: "Criminal Investigation Department, Cyber Desk",
        address: "87 Demo Boulevard, St. George's",
        phones: [{ number: "+9930810247", note: "24/7 duty officer", available247: true }],
        emails: [
          { address: "cp247.gd@example.org", note: "Monitored 24/7" },
          { address: "intl.gd@example.org", note: "Non-urgent correspondence" },
        ],
        available247: true,
        timeZone: "America/Grenada",
        languages: ["en"],
        instructions:
          "Use the T-CY templates. For subscriber information (Art. 18) cite the legal basis in your law.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "HU",
    nameEn: "Hungary",
    nameFr: "Hongrie",
    altNames: ["Magyarország", "Ungarn", "Hungría"],
    status: "party",
    conventionRatifiedOn: "2003-12-04",
    sapRatifiedOn: "2026-01-20",
    contactPoints: [
      {
        type: "police",
        institution: "National Bureau of Investigation",
        unit: "Cybercrime Department",
        address: "4 Placeholder Road, Budapest",
        phones: [
          { number: "+9934810247", note: "24/7 duty officer", available247: true },
          { number: "+9934811200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.hu@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Budapest",
        languages: ["en", "hu"],
        instructions:
          "Preservation requests must give the IP address with date, time and time zone, and state whether an MLA request will follow.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: true,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "IS",
    nameEn: "Iceland",
    nameFr: "Islande",
    altNames: ["Ísland", "Island", "Islandia"],
    status: "party",
    conventionRatifiedOn: "2007-01-29",
    contactPoints: [
      {
        type: "police",
        institution: "National Commissioner of the Icelandic Police",
        unit: "Cybercrime Desk",
        address: "11 Fictional Square, Reykjavík",
        phones: [{ number: "+9935210247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.is@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Atlantic/Reykjavik",
        languages: ["en", "is"],
        instructions:
          "For a risk to life, call first; confirm in writing within 24 hours with the T-CY emergency template.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "IL",
    nameEn: "Israel",
    nameFr: "Israël",
    altNames: ["State of Israel", "Yisrael"],
    status: "party",
    conventionRatifiedOn: "2016-05-09",
    contactPoints: [
      {
        type: "police",
        institution: "Israel Police",
        unit: "National Cyber Unit",
        address: "18 Illustration Lane, Jerusalem",
        phones: [
          { number: "+9937610247", note: "24/7 duty officer", available247: true },
          {
            number: "+993761745617",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [{ address: "cp247.il@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Asia/Jerusalem",
        languages: ["en", "he"],
        instructions:
          "Attach a one-page summary of facts in English or Hebrew. Say whether the subscriber may be notified.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
    ],
  },
  {
    iso2: "IT",
    nameEn: "Italy",
    nameFr: "Italie",
    altNames: ["Italia", "Italien"],
    status: "party",
    conventionRatifiedOn: "2008-06-05",
    contactPoints: [
      {
        type: "police",
        institution: "State Police",
        unit: "Postal and Communications Police, National Cybercrime Centre",
        address: "25 Example Street, Rome",
        phones: [
          { number: "+9938010247", note: "24/7 duty officer", available247: true },
          { number: "+9938011200", note: "Office line, working hours", available247: false },
        ],
        emails: [
          { address: "cp247.it@example.org", note: "Monitored 24/7" },
          { address: "intl.it@example.org", note: "Non-urgent correspondence" },
        ],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Rome",
        languages: ["en", "it"],
        instructions:
          "Preservation is ordered for 90 days and can be extended once by 90 days; send the MLA request before expiry.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "JP",
    nameEn: "Japan",
    nameFr: "Japon",
    altNames: ["Nippon", "Nihon", "Japón"],
    status: "party",
    conventionRatifiedOn: "2012-07-03",
    sapRatifiedOn: "2023-11-08",
    contactPoints: [
      {
        type: "police",
        institution: "National Police Agency",
        unit: "Cyber Affairs Bureau, International Desk",
        address: "32 Sample Avenue, Tokyo",
        phones: [{ number: "+9939210247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.jp@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Asia/Tokyo",
        languages: ["en", "ja"],
        instructions:
          "Use the e-mail only to announce a request; send case details over the secure channel where available. Mark the subject line 24/7 NETWORK - URGENT.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: true,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
    ],
  },
  {
    iso2: "KI",
    nameEn: "Kiribati",
    nameFr: "Kiribati",
    altNames: ["Kiribas", "Gilbert Islands"],
    status: "party",
    conventionRatifiedOn: "2024-04-18",
    contactPoints: [
      {
        type: "police",
        institution: "Kiribati Police Service",
        unit: "Criminal Investigation Division - Interpol",
        address: "39 Demo Boulevard, South Tarawa",
        phones: [{ number: "+9929610247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.ki@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Pacific/Tarawa",
        languages: ["en"],
        instructions:
          "Send requests by e-mail and call to confirm receipt. Keep them short, in plain English, with a summary of facts.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35", "interpol"],
      },
      {
        type: "police",
        institution: "Kiribati Police Service",
        unit: "Cybercrime Unit",
        address: "46 Placeholder Road, South Tarawa",
        phones: [
          { number: "+9929621200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cybercrime.ki@example.org", note: "Monitored during office hours" }],
        available247: false,
        timeZone: "Pacific/Tarawa",
        openingHours: [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "16:15" }],
        outOfHours:
          "Outside office hours, call the 24/7 line of the primary contact point (Kiribati Police Service, +9929610247).",
        languages: ["en"],
        instructions:
          "Providers here keep traffic data for a limited period: send preservation requests without delay, then follow up with the case reference we give you.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "LV",
    nameEn: "Latvia",
    nameFr: "Lettonie",
    altNames: ["Latvija", "Lettland", "Letonia"],
    status: "party",
    conventionRatifiedOn: "2007-02-14",
    contactPoints: [
      {
        type: "police",
        institution: "State Police",
        unit: "Cybercrime Enforcement Unit",
        address: "53 Fictional Square, Riga",
        phones: [
          { number: "+9942810247", note: "24/7 duty officer", available247: true },
          {
            number: "+994281746302",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [
          { address: "cp247.lv@example.org", note: "Monitored 24/7" },
          { address: "intl.lv@example.org", note: "Non-urgent correspondence" },
        ],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Riga",
        languages: ["en", "lv"],
        instructions:
          "Requests must come from a law enforcement or judicial authority. Write in English; include the offence, its maximum penalty and the urgency.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "LI",
    nameEn: "Liechtenstein",
    nameFr: "Liechtenstein",
    altNames: ["Lichtenstein", "Fürstentum Liechtenstein"],
    status: "party",
    conventionRatifiedOn: "2016-01-27",
    contactPoints: [
      {
        type: "police",
        institution: "National Police",
        unit: "Cybercrime Unit",
        address: "60 Illustration Lane, Vaduz",
        phones: [{ number: "+9943810247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.li@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Europe/Vaduz",
        languages: ["en", "de"],
        instructions:
          "Send one request per provider. Include the data categories (subscriber, traffic, content) and the dates, with time zone.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "LT",
    nameEn: "Lithuania",
    nameFr: "Lituanie",
    altNames: ["Lietuva", "Litauen", "Lituania"],
    status: "party",
    conventionRatifiedOn: "2004-03-18",
    contactPoints: [
      {
        type: "police",
        institution: "Lithuanian Criminal Police Bureau",
        unit: "Cybercrime Investigation Board",
        address: "67 Example Street, Vilnius",
        phones: [
          { number: "+9944010247", note: "24/7 duty officer", available247: true },
          { number: "+9944011200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.lt@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Vilnius",
        languages: ["en", "lt"],
        instructions:
          "Use the T-CY data preservation template (Art. 29). Requests in English or Lithuanian. State the offence, the provider and the time zone of every timestamp.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "LU",
    nameEn: "Luxembourg",
    nameFr: "Luxembourg",
    altNames: ["Lëtzebuerg", "Luxemburg", "Luxemburgo"],
    status: "party",
    conventionRatifiedOn: "2014-10-16",
    contactPoints: [
      {
        type: "prosecution",
        institution: "State Prosecutor's Office",
        unit: "Cybercrime Section",
        address: "74 Sample Avenue, Luxembourg",
        phones: [{ number: "+9944210247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.lu@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Europe/Luxembourg",
        languages: ["en", "fr", "de", "lb"],
        instructions:
          "Send requests by e-mail in English and call the duty phone to announce urgent ones. Include a case reference and a contact reachable around the clock.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; forwards MLA follow-ups to the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "MT",
    nameEn: "Malta",
    nameFr: "Malte",
    altNames: ["Repubblika ta' Malta"],
    status: "party",
    conventionRatifiedOn: "2012-04-12",
    contactPoints: [
      {
        type: "police",
        institution: "Malta Police Force",
        unit: "Cyber Crime Unit",
        address: "81 Demo Boulevard, Valletta",
        phones: [{ number: "+9947010247", note: "24/7 duty officer", available247: true }],
        emails: [
          { address: "cp247.mt@example.org", note: "Monitored 24/7" },
          { address: "intl.mt@example.org", note: "Non-urgent correspondence" },
        ],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Malta",
        languages: ["en", "mt"],
        instructions:
          "Use the T-CY templates. For subscriber information (Art. 18) cite the legal basis in your law. Requests in Maltese are answered faster.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "MU",
    nameEn: "Mauritius",
    nameFr: "Maurice",
    altNames: ["Mauricio", "Republic of Mauritius"],
    status: "party",
    conventionRatifiedOn: "2013-11-15",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Office of the Director of Public Prosecutions",
        unit: "Cybercrime Prosecution Unit",
        address: "88 Placeholder Road, Port Louis",
        phones: [
          { number: "+9948010247", note: "24/7 duty officer", available247: true },
          { number: "+9948011200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.mu@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Indian/Mauritius",
        languages: ["en", "fr"],
        instructions:
          "Preservation requests must give the IP address with date, time and time zone, and state whether an MLA request will follow.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; forwards MLA follow-ups to the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "MD",
    nameEn: "Moldova",
    nameFr: "République de Moldova",
    altNames: ["Republic of Moldova", "Moldavia", "Moldawien", "Moldavie"],
    status: "party",
    conventionRatifiedOn: "2009-05-12",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Prosecutor General's Office",
        unit: "Cybercrime Section",
        address: "5 Fictional Square, Chișinău",
        phones: [{ number: "+9949810247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.md@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Europe/Chisinau",
        languages: ["en", "ro"],
        instructions:
          "For a risk to life, call first; confirm in writing within 24 hours with the T-CY emergency template.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Central authority for MLA during the investigation phase; MLA follow-ups can be sent to this office.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "MC",
    nameEn: "Monaco",
    nameFr: "Monaco",
    altNames: ["Principality of Monaco", "Mónaco"],
    status: "party",
    conventionRatifiedOn: "2017-03-17",
    contactPoints: [
      {
        type: "police",
        institution: "Public Security Directorate",
        unit: "Digital Crime Section",
        address: "12 Illustration Lane, Monaco",
        phones: [{ number: "+9949210247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.mc@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Europe/Monaco",
        languages: ["en", "fr"],
        instructions:
          "Attach a one-page summary of facts in English or French. Say whether the subscriber may be notified.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "ME",
    nameEn: "Montenegro",
    nameFr: "Monténégro",
    altNames: ["Crna Gora"],
    status: "party",
    conventionRatifiedOn: "2010-03-03",
    contactPoints: [
      {
        type: "police",
        institution: "Police Directorate",
        unit: "High-Tech Crime Group",
        address: "19 Example Street, Podgorica",
        phones: [
          { number: "+9949910247", note: "24/7 duty officer", available247: true },
          { number: "+9949911200", note: "Office line, working hours", available247: false },
        ],
        emails: [
          { address: "cp247.me@example.org", note: "Monitored 24/7" },
          { address: "intl.me@example.org", note: "Non-urgent correspondence" },
        ],
        available247: true,
        timeZone: "Europe/Podgorica",
        languages: ["en", "sr"],
        instructions:
          "Preservation is ordered for 90 days and can be extended once by 90 days; send the MLA request before expiry.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "MA",
    nameEn: "Morocco",
    nameFr: "Maroc",
    altNames: ["Marruecos", "Marokko", "Al-Maghrib"],
    status: "party",
    conventionRatifiedOn: "2018-06-29",
    contactPoints: [
      {
        type: "police",
        institution: "General Directorate for National Security",
        unit: "Central Cybercrime Brigade",
        address: "26 Sample Avenue, Rabat",
        phones: [{ number: "+9950410247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.ma@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Africa/Casablanca",
        languages: ["en", "ar", "fr"],
        instructions:
          "Use the e-mail only to announce a request; send case details over the secure channel where available. Mark the subject line 24/7 NETWORK - URGENT.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35", "interpol", "un_art41"],
      },
      {
        type: "police",
        institution: "Royal Gendarmerie",
        unit: "Digital Crime Centre",
        address: "33 Demo Boulevard, Rabat",
        phones: [
          { number: "+9950421200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "gendarmerie.ma@example.org", note: "Monitored during office hours" }],
        available247: false,
        timeZone: "Africa/Casablanca",
        openingHours: [{ days: [1, 2, 3, 4, 5], from: "08:30", to: "16:30" }],
        outOfHours:
          "Outside office hours, call the 24/7 line of the primary contact point (General Directorate for National Security, +9950410247).",
        languages: ["en", "ar", "fr"],
        instructions:
          "Use the T-CY template matching the article you rely on. Give the exact URL, account identifier or IP address and the period concerned.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "NL",
    nameEn: "Netherlands",
    nameFr: "Pays-Bas",
    altNames: ["Holland", "Pays-Bas", "Nederland", "Niederlande"],
    status: "party",
    conventionRatifiedOn: "2006-11-16",
    contactPoints: [
      {
        type: "police",
        institution: "National Police",
        unit: "High Tech Crime Unit",
        address: "40 Placeholder Road, The Hague",
        phones: [
          { number: "+9952810247", note: "24/7 duty officer", available247: true },
          { number: "+9952811200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.nl@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Amsterdam",
        languages: ["en", "nl"],
        instructions:
          "Providers here keep traffic data for a limited period: send preservation requests without delay, then follow up with the case reference we give you.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "NG",
    nameEn: "Nigeria",
    nameFr: "Nigéria",
    altNames: ["Federal Republic of Nigeria"],
    status: "party",
    conventionRatifiedOn: "2022-07-06",
    contactPoints: [
      {
        type: "police",
        institution: "Nigeria Police Force (Federal Police)",
        unit: "National Cybercrime Centre",
        address: "47 Fictional Square, Abuja",
        phones: [{ number: "+9956610247", note: "24/7 duty officer", available247: true }],
        emails: [
          { address: "cp247.ng@example.org", note: "Monitored 24/7" },
          { address: "intl.ng@example.org", note: "Non-urgent correspondence" },
        ],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Africa/Lagos",
        languages: ["en"],
        instructions:
          "Requests must come from a law enforcement or judicial authority. Write in English; include the offence, its maximum penalty and the urgency.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35", "interpol", "un_art41"],
      },
      {
        type: "ministry_of_justice",
        institution: "Federal Ministry of Justice, Office of the Attorney General",
        unit: "Cybercrime Desk, International Cooperation",
        address: "54 Illustration Lane, Abuja",
        phones: [
          { number: "+9956621200", note: "Office line, working hours", available247: false },
        ],
        emails: [
          { address: "attorney-general.ng@example.org", note: "Monitored during office hours" },
        ],
        available247: false,
        timeZone: "Africa/Lagos",
        openingHours: [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" }],
        outOfHours:
          "Outside office hours, call the 24/7 line of the primary contact point (Nigeria Police Force (Federal Police), +9956610247).",
        languages: ["en"],
        instructions:
          "Send one request per provider. Include the data categories (subscriber, traffic, content) and the dates, with time zone.",
        functions: ["legal_information", "collection_of_evidence"],
        handlesSap: false,
        mlaCoordination:
          "Central authority for mutual legal assistance (Art. 27); MLA follow-ups can be sent to the same unit.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "MK",
    nameEn: "North Macedonia",
    nameFr: "Macédoine du Nord",
    altNames: [
      "Macedonia",
      "Severna Makedonija",
      "Nordmazedonien",
      "The former Yugoslav Republic of Macedonia",
    ],
    status: "party",
    conventionRatifiedOn: "2004-09-15",
    contactPoints: [
      {
        type: "police",
        institution: "Ministry of the Interior",
        unit: "Cybercrime and Digital Forensics Sector",
        address: "61 Example Street, Skopje",
        phones: [
          { number: "+9980710247", note: "24/7 duty officer", available247: true },
          { number: "+9980711200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.mk@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Europe/Skopje",
        languages: ["en", "mk"],
        instructions:
          "Use the T-CY data preservation template (Art. 29). Requests in English or Macedonian. State the offence, the provider and the time zone of every timestamp.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "NO",
    nameEn: "Norway",
    nameFr: "Norvège",
    altNames: ["Norge", "Noreg", "Norwegen", "Noruega"],
    status: "party",
    conventionRatifiedOn: "2006-06-30",
    contactPoints: [
      {
        type: "police",
        institution: "National Criminal Investigation Service",
        unit: "National Cybercrime Centre",
        address: "68 Sample Avenue, Oslo",
        phones: [
          { number: "+9957810247", note: "24/7 duty officer", available247: true },
          {
            number: "+995781748357",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [{ address: "cp247.no@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Europe/Oslo",
        languages: ["en", "no"],
        instructions:
          "Send requests by e-mail in English and call the duty phone to announce urgent ones. Include a case reference and a contact reachable around the clock.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
    ],
  },
  {
    iso2: "PA",
    nameEn: "Panama",
    nameFr: "Panama",
    altNames: ["Panamá"],
    status: "party",
    conventionRatifiedOn: "2014-03-05",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Public Prosecutor's Office",
        unit: "Cybercrime Prosecution Section",
        address: "75 Demo Boulevard, Panama City",
        phones: [{ number: "+9959110247", note: "24/7 duty officer", available247: true }],
        emails: [
          { address: "cp247.pa@example.org", note: "Monitored 24/7" },
          { address: "intl.pa@example.org", note: "Non-urgent correspondence" },
        ],
        available247: true,
        timeZone: "America/Panama",
        languages: ["en", "es"],
        instructions:
          "Use the T-CY templates. For subscriber information (Art. 18) cite the legal basis in your law. Requests in Spanish are answered faster.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Central authority for MLA during the investigation phase; MLA follow-ups can be sent to this office.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "PY",
    nameEn: "Paraguay",
    nameFr: "Paraguay",
    altNames: ["Paraguái", "República del Paraguay"],
    status: "party",
    conventionRatifiedOn: "2018-07-30",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Public Prosecutor's Office",
        unit: "Specialised Computer Crime Unit",
        address: "82 Placeholder Road, Asunción",
        phones: [
          { number: "+9960010247", note: "24/7 duty officer", available247: true },
          { number: "+9960011200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.py@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "America/Asuncion",
        languages: ["en", "es"],
        instructions:
          "Preservation requests must give the IP address with date, time and time zone, and state whether an MLA request will follow.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; forwards MLA follow-ups to the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "PE",
    nameEn: "Peru",
    nameFr: "Pérou",
    altNames: ["Perú"],
    status: "party",
    conventionRatifiedOn: "2019-08-26",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Public Prosecutor's Office",
        unit: "Cybercrime Prosecution Unit",
        address: "89 Fictional Square, Lima",
        phones: [{ number: "+9960410247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.pe@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "America/Lima",
        languages: ["en", "es"],
        instructions:
          "For a risk to life, call first; confirm in writing within 24 hours with the T-CY emergency template.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Central authority for MLA during the investigation phase; MLA follow-ups can be sent to this office.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "PH",
    nameEn: "Philippines",
    nameFr: "Philippines",
    altNames: ["Pilipinas", "Filipinas", "Philippinen"],
    status: "party",
    conventionRatifiedOn: "2018-03-28",
    contactPoints: [
      {
        type: "ministry_of_justice",
        institution: "Department of Justice",
        unit: "Office of Cybercrime",
        address: "6 Illustration Lane, Manila",
        phones: [{ number: "+9960810247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.ph@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Asia/Manila",
        languages: ["en", "tl"],
        instructions:
          "Attach a one-page summary of facts in English or Filipino. Say whether the subscriber may be notified.",
        functions: ["legal_information", "collection_of_evidence"],
        handlesSap: false,
        mlaCoordination:
          "Central authority for mutual legal assistance (Art. 27); MLA follow-ups can be sent to the same unit.",
        networks: ["budapest_art35", "g7", "un_art41"],
      },
      {
        type: "police",
        institution: "Philippine National Police",
        unit: "Anti-Cybercrime Group",
        address: "13 Example Street, Manila",
        phones: [
          { number: "+9960821200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "police.ph@example.org", note: "Monitored during office hours" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: false,
        timeZone: "Asia/Manila",
        openingHours: [{ days: [1, 2, 3, 4, 5], from: "08:00", to: "17:00" }],
        outOfHours:
          "Outside office hours, call the 24/7 line of the primary contact point (Department of Justice, +9960810247).",
        languages: ["en", "tl"],
        instructions:
          "Preservation is ordered for 90 days and can be extended once by 90 days; send the MLA request before expiry.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "interpol"],
      },
    ],
  },
  {
    iso2: "PL",
    nameEn: "Poland",
    nameFr: "Pologne",
    altNames: ["Polska", "Polen", "Polonia"],
    status: "party",
    conventionRatifiedOn: "2015-02-20",
    contactPoints: [
      {
        type: "police",
        institution: "Central Cybercrime Bureau",
        unit: "International Cooperation Division",
        address: "20 Sample Avenue, Warsaw",
        phones: [{ number: "+9961610247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.pl@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Warsaw",
        languages: ["en", "pl"],
        instructions:
          "Use the e-mail only to announce a request; send case details over the secure channel where available. Mark the subject line 24/7 NETWORK - URGENT.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "PT",
    nameEn: "Portugal",
    nameFr: "Portugal",
    altNames: ["República Portuguesa"],
    status: "party",
    conventionRatifiedOn: "2010-03-24",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Prosecutor General's Office",
        unit: "Cybercrime Office",
        address: "27 Demo Boulevard, Lisbon",
        phones: [{ number: "+9962010247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.pt@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Europe/Lisbon",
        languages: ["en", "pt"],
        instructions:
          "Use the T-CY template matching the article you rely on. Give the exact URL, account identifier or IP address and the period concerned.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: true,
        mlaCoordination:
          "Central authority for MLA during the investigation phase; MLA follow-ups can be sent to this office.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "RO",
    nameEn: "Romania",
    nameFr: "Roumanie",
    altNames: ["Rumania", "Roumanie", "România", "Rumänien"],
    status: "party",
    conventionRatifiedOn: "2004-05-12",
    contactPoints: [
      {
        type: "police",
        institution: "National Police",
        unit: "Romanian Police, Cybercrime Unit",
        address: "34 Placeholder Road, Bucharest",
        phones: [
          { number: "+9964210247", note: "24/7 duty officer", available247: true },
          { number: "+9964211200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.ro@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Bucharest",
        languages: ["en", "ro"],
        instructions:
          "Use the T-CY data preservation template (Art. 29) or the T-CY template for the article concerned. Write in English or Romanian; give the IP address with date, time and time zone.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Prosecutor's Office, the central authority during investigations.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
      {
        type: "prosecution",
        institution: "Prosecutor's Office",
        unit: "Cybercrime Prosecution Service",
        address: "41 Fictional Square, Bucharest",
        phones: [{ number: "+9964220247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "prosecution.ro@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Europe/Bucharest",
        languages: ["en", "ro"],
        instructions:
          "Use the T-CY data preservation template (Art. 29). Write in English or Romanian. Say whether an MLA request will follow and whether the subscriber may be notified.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Central authority for MLA during criminal investigations; MLA requests can follow through this office.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "SM",
    nameEn: "San Marino",
    nameFr: "Saint-Marin",
    altNames: ["Repubblica di San Marino"],
    status: "party",
    conventionRatifiedOn: "2019-03-08",
    contactPoints: [
      {
        type: "police",
        institution: "Gendarmerie Corps",
        unit: "Computer Crime Unit",
        address: "48 Illustration Lane, San Marino",
        phones: [
          { number: "+9967410247", note: "24/7 duty officer", available247: true },
          {
            number: "+996741749727",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [{ address: "cp247.sm@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Europe/San_Marino",
        languages: ["en", "it"],
        instructions:
          "Send one request per provider. Include the data categories (subscriber, traffic, content) and the dates, with time zone.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "SN",
    nameEn: "Senegal",
    nameFr: "Sénégal",
    altNames: ["République du Sénégal"],
    status: "party",
    conventionRatifiedOn: "2016-12-16",
    contactPoints: [
      {
        type: "police",
        institution: "National Police",
        unit: "Special Cybercrime Division",
        address: "55 Example Street, Dakar",
        phones: [
          { number: "+9968610247", note: "24/7 duty officer", available247: true },
          { number: "+9968611200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.sn@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Africa/Dakar",
        languages: ["en", "fr"],
        instructions:
          "Use the T-CY data preservation template (Art. 29). Requests in English or French. State the offence, the provider and the time zone of every timestamp.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35", "interpol", "un_art41"],
      },
    ],
  },
  {
    iso2: "RS",
    nameEn: "Serbia",
    nameFr: "Serbie",
    altNames: ["Srbija", "Serbien"],
    status: "party",
    conventionRatifiedOn: "2009-04-14",
    sapRatifiedOn: "2023-05-26",
    contactPoints: [
      {
        type: "police",
        institution: "Ministry of the Interior",
        unit: "High-Tech Crime Department",
        address: "62 Sample Avenue, Belgrade",
        phones: [{ number: "+9968810247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.rs@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Europe/Belgrade",
        languages: ["en", "sr"],
        instructions:
          "Send requests by e-mail in English and call the duty phone to announce urgent ones. Include a case reference and a contact reachable around the clock.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: true,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "SL",
    nameEn: "Sierra Leone",
    nameFr: "Sierra Leone",
    altNames: ["Sierra Leona"],
    status: "party",
    conventionRatifiedOn: "2024-09-12",
    contactPoints: [
      {
        type: "police",
        institution: "Sierra Leone Police",
        unit: "Cybercrime Unit",
        address: "69 Demo Boulevard, Freetown",
        phones: [{ number: "+9969410247", note: "24/7 duty officer", available247: true }],
        emails: [
          { address: "cp247.sl@example.org", note: "Monitored 24/7" },
          { address: "intl.sl@example.org", note: "Non-urgent correspondence" },
        ],
        available247: true,
        timeZone: "Africa/Freetown",
        languages: ["en"],
        instructions:
          "Use the T-CY templates. For subscriber information (Art. 18) cite the legal basis in your law.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "SK",
    nameEn: "Slovakia",
    nameFr: "Slovaquie",
    altNames: ["Slovensko", "Slowakei", "Slovak Republic", "Eslovaquia"],
    status: "party",
    conventionRatifiedOn: "2008-01-08",
    contactPoints: [
      {
        type: "police",
        institution: "Police Force Presidium",
        unit: "Cybercrime Department",
        address: "76 Placeholder Road, Bratislava",
        phones: [
          { number: "+9970310247", note: "24/7 duty officer", available247: true },
          { number: "+9970311200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.sk@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Bratislava",
        languages: ["en", "sk"],
        instructions:
          "Preservation requests must give the IP address with date, time and time zone, and state whether an MLA request will follow.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "SI",
    nameEn: "Slovenia",
    nameFr: "Slovénie",
    altNames: ["Slovenija", "Slowenien", "Eslovenia"],
    status: "party",
    conventionRatifiedOn: "2004-09-08",
    contactPoints: [
      {
        type: "police",
        institution: "General Police Directorate",
        unit: "Computer Crime Centre",
        address: "83 Fictional Square, Ljubljana",
        phones: [
          { number: "+9970510247", note: "24/7 duty officer", available247: true },
          {
            number: "+997051750412",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [{ address: "cp247.si@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Ljubljana",
        languages: ["en", "sl"],
        instructions:
          "For a risk to life, call first; confirm in writing within 24 hours with the T-CY emergency template.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "ES",
    nameEn: "Spain",
    nameFr: "Espagne",
    altNames: ["España", "Espana", "Spanien", "Kingdom of Spain"],
    status: "party",
    conventionRatifiedOn: "2010-06-03",
    contactPoints: [
      {
        type: "police",
        institution: "National Police",
        unit: "Central Cybercrime Unit",
        address: "90 Illustration Lane, Madrid",
        phones: [{ number: "+9972410247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.es@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Madrid",
        languages: ["en", "es"],
        instructions:
          "Attach a one-page summary of facts in English or Spanish. Say whether the subscriber may be notified.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: true,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
      {
        type: "police",
        institution: "Civil Guard",
        unit: "Cyber Investigation Group",
        address: "7 Example Street, Madrid",
        phones: [
          { number: "+9972420247", note: "24/7 duty officer", available247: true },
          { number: "+9972421200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "guardia-civil.es@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Madrid",
        languages: ["en", "es"],
        instructions:
          "Preservation is ordered for 90 days and can be extended once by 90 days; send the MLA request before expiry.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Passes MLA follow-ups to the central authority within one working day and informs the requester.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "LK",
    nameEn: "Sri Lanka",
    nameFr: "Sri Lanka",
    altNames: ["Ceylon", "Shri Lanka"],
    status: "party",
    conventionRatifiedOn: "2015-05-29",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Attorney General's Department",
        unit: "Cybercrime Cooperation Desk",
        address: "14 Sample Avenue, Colombo",
        phones: [{ number: "+9914410247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.lk@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Asia/Colombo",
        languages: ["en", "si", "ta"],
        instructions:
          "Use the e-mail only to announce a request; send case details over the secure channel where available. Mark the subject line 24/7 NETWORK - URGENT.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; forwards MLA follow-ups to the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "SE",
    nameEn: "Sweden",
    nameFr: "Suède",
    altNames: ["Sverige", "Schweden", "Suecia"],
    status: "party",
    conventionRatifiedOn: "2021-04-28",
    contactPoints: [
      {
        type: "police",
        institution: "Swedish Police Authority",
        unit: "National Cybercrime Centre",
        address: "21 Demo Boulevard, Stockholm",
        phones: [{ number: "+9975210247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.se@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          { name: "Europol SIENA", note: "Cybercrime mailbox; use for operational follow-ups" },
        ],
        available247: true,
        timeZone: "Europe/Stockholm",
        languages: ["en", "sv"],
        instructions:
          "Use the T-CY template matching the article you rely on. Give the exact URL, account identifier or IP address and the period concerned.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35", "g7"],
      },
    ],
  },
  {
    iso2: "CH",
    nameEn: "Switzerland",
    nameFr: "Suisse",
    altNames: ["Schweiz", "Svizzera", "Suiza", "Helvetia"],
    status: "party",
    conventionRatifiedOn: "2011-09-21",
    contactPoints: [
      {
        type: "police",
        institution: "Federal Office of Police",
        unit: "Cybercrime Coordination, Operations Centre",
        address: "28 Placeholder Road, Bern",
        phones: [
          { number: "+9975610247", note: "24/7 duty officer", available247: true },
          { number: "+9975611200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.ch@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Europe/Zurich",
        languages: ["en", "de", "fr", "it"],
        instructions:
          "Providers here keep traffic data for a limited period: send preservation requests without delay, then follow up with the case reference we give you.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
    ],
  },
  {
    iso2: "TO",
    nameEn: "Tonga",
    nameFr: "Tonga",
    altNames: ["Kingdom of Tonga", "Tonga Islands"],
    status: "party",
    conventionRatifiedOn: "2017-05-09",
    contactPoints: [
      {
        type: "ministry_of_justice",
        institution: "Attorney General's Office",
        unit: "International Cooperation Unit",
        address: "35 Fictional Square, Nuku'alofa",
        phones: [{ number: "+9977610247", note: "24/7 duty officer", available247: true }],
        emails: [
          { address: "cp247.to@example.org", note: "Monitored 24/7" },
          { address: "intl.to@example.org", note: "Non-urgent correspondence" },
        ],
        available247: true,
        timeZone: "Pacific/Tongatapu",
        languages: ["en", "to"],
        instructions:
          "Requests must come from a law enforcement or judicial authority. Write in English; include the offence, its maximum penalty and the urgency.",
        functions: ["legal_information", "collection_of_evidence"],
        handlesSap: false,
        mlaCoordination:
          "Central authority for mutual legal assistance (Art. 27); MLA follow-ups can be sent to the same unit.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "TN",
    nameEn: "Tunisia",
    nameFr: "Tunisie",
    altNames: ["Tunesien", "Túnez"],
    status: "party",
    conventionRatifiedOn: "2024-03-07",
    contactPoints: [
      {
        type: "ministry_of_justice",
        institution: "Ministry of Justice",
        unit: "Directorate of International Judicial Cooperation, Cybercrime Desk",
        address: "42 Illustration Lane, Tunis",
        phones: [{ number: "+9978810247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.tn@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Africa/Tunis",
        languages: ["en", "ar", "fr"],
        instructions:
          "Send one request per provider. Include the data categories (subscriber, traffic, content) and the dates, with time zone.",
        functions: ["legal_information", "collection_of_evidence"],
        handlesSap: false,
        mlaCoordination:
          "Central authority for mutual legal assistance (Art. 27); MLA follow-ups can be sent to the same unit.",
        networks: ["budapest_art35", "un_art41"],
      },
    ],
  },
  {
    iso2: "TR",
    nameEn: "Türkiye",
    nameFr: "Türkiye",
    altNames: ["Turkey", "Turquie", "Turkiye"],
    status: "party",
    conventionRatifiedOn: "2014-09-29",
    contactPoints: [
      {
        type: "police",
        institution: "General Directorate of Security",
        unit: "Department of Cybercrime",
        address: "49 Example Street, Ankara",
        phones: [
          { number: "+9979210247", note: "24/7 duty officer", available247: true },
          { number: "+9979211200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.tr@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Europe/Istanbul",
        languages: ["en", "tr"],
        instructions:
          "Use the T-CY data preservation template (Art. 29). Requests in English or Turkish. State the offence, the provider and the time zone of every timestamp.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
    ],
  },
  {
    iso2: "UA",
    nameEn: "Ukraine",
    nameFr: "Ukraine",
    altNames: ["Ukraina", "Ucrania", "the Ukraine"],
    status: "party",
    conventionRatifiedOn: "2006-03-10",
    contactPoints: [
      {
        type: "police",
        institution: "National Police",
        unit: "Cyber Police Department",
        address: "56 Sample Avenue, Kyiv",
        phones: [{ number: "+9980410247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.ua@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Europe/Kyiv",
        languages: ["en", "uk"],
        instructions:
          "Send requests by e-mail in English and call the duty phone to announce urgent ones. Include a case reference and a contact reachable around the clock.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
      {
        type: "security_service",
        institution: "Security Service of Ukraine",
        unit: "Cyber Security Department",
        address: "63 Demo Boulevard, Kyiv",
        phones: [
          { number: "+9980420247", note: "24/7 duty officer", available247: true },
          {
            number: "+998042751782",
            note: "Duty mobile (calls and messaging)",
            available247: true,
          },
        ],
        emails: [{ address: "ssu.ua@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "Europe/Kyiv",
        languages: ["en", "uk"],
        instructions:
          "For attacks on critical infrastructure or state systems. Requests in English or Ukrainian; give indicators of compromise in machine-readable form.",
        functions: ["technical_advice", "preservation", "locating_suspects"],
        handlesSap: false,
        mlaCoordination:
          "Not the MLA authority; liaises with the Ministry of Justice, the central authority under Art. 27.",
        networks: ["budapest_art35"],
      },
    ],
  },
  {
    iso2: "GB",
    nameEn: "United Kingdom",
    nameFr: "Royaume-Uni",
    altNames: ["UK", "Great Britain", "Britain", "Reino Unido"],
    status: "party",
    conventionRatifiedOn: "2011-05-25",
    contactPoints: [
      {
        type: "police",
        institution: "National Crime Agency",
        unit: "National Cyber Crime Unit, International Desk",
        address: "70 Placeholder Road, London",
        phones: [
          { number: "+9982610247", note: "24/7 duty officer", available247: true },
          { number: "+9982611200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "cp247.gb@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "Europe/London",
        languages: ["en"],
        instructions:
          "Preservation requests must give the IP address with date, time and time zone, and state whether an MLA request will follow.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Coordinates with the Prosecutor General's Office, the central authority for MLA during investigations.",
        networks: ["budapest_art35", "g7", "interpol"],
      },
    ],
  },
  {
    iso2: "US",
    nameEn: "United States",
    nameFr: "États-Unis",
    altNames: ["USA", "United States of America", "US", "Estados Unidos"],
    status: "party",
    conventionRatifiedOn: "2006-09-29",
    contactPoints: [
      {
        type: "prosecution",
        institution: "Department of Justice",
        unit: "Computer Crime Section, 24/7 Desk",
        address: "77 Fictional Square, Washington, DC",
        phones: [{ number: "+9984010247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "cp247.us@example.org", note: "Monitored 24/7" }],
        available247: true,
        timeZone: "America/New_York",
        languages: ["en"],
        instructions:
          "For a risk to life, call first; confirm in writing within 24 hours with the T-CY emergency template.",
        functions: ["preservation", "collection_of_evidence", "legal_information"],
        handlesSap: true,
        mlaCoordination:
          "Central authority for MLA during the investigation phase; MLA follow-ups can be sent to this office.",
        networks: ["budapest_art35", "g7"],
      },
      {
        type: "police",
        institution: "Federal Bureau of Investigation",
        unit: "Cyber Division, Watch Desk",
        address: "84 Illustration Lane, Washington, DC",
        phones: [{ number: "+9984020247", note: "24/7 duty officer", available247: true }],
        emails: [{ address: "fbi.us@example.org", note: "Monitored 24/7" }],
        secureChannels: [
          {
            name: "INTERPOL I-24/7",
            note: "Via the National Central Bureau; subject 24/7 NETWORK - ART. 35",
          },
        ],
        available247: true,
        timeZone: "America/New_York",
        languages: ["en"],
        instructions:
          "Attach a one-page summary of facts in English. Say whether the subscriber may be notified.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Advises on the form of the MLA request and forwards it to the Ministry of Justice.",
        networks: ["budapest_art35", "interpol"],
      },
      {
        type: "police",
        institution: "Department of Homeland Security, Homeland Security Investigations",
        unit: "Cyber Crimes Center",
        address: "1 Example Street, Washington, DC",
        phones: [
          { number: "+9984031200", note: "Office line, working hours", available247: false },
        ],
        emails: [{ address: "hsi.us@example.org", note: "Monitored during office hours" }],
        available247: false,
        timeZone: "America/New_York",
        openingHours: [{ days: [1, 2, 3, 4, 5], from: "09:00", to: "17:30" }],
        outOfHours:
          "Outside office hours, call the 24/7 line of the primary contact point (Department of Justice, +9984010247).",
        languages: ["en"],
        instructions:
          "Preservation is ordered for 90 days and can be extended once by 90 days; send the MLA request before expiry.",
        functions: [
          "technical_advice",
          "preservation",
          "collection_of_evidence",
          "legal_information",
          "locating_suspects",
        ],
        handlesSap: false,
        mlaCoordination:
          "Forwards MLA follow-ups to the Ministry of Justice, International Cooperation Department.",
        networks: ["budapest_art35"],
      },
    ],
  },
];
