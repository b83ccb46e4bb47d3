import { block, type Block } from "./addresses";

/**
 * Where the synthetic organisation connects from: real networks of real cities, each range
 * chosen where the shipped location databases (DB-IP Lite City, the @ip-location-db ASN table)
 * place all of it, so that the map and the location rules show something true of the demo
 * (networks.test.ts holds every range to its country, city and kind of network).
 *
 * A site's office egress, homes and VPN exits all lie within some 30 km of its city: a person
 * who goes from home to the office must not look like they flew. Attackers and strangers come
 * from countries with no office, and the three lists of foreign ranges below share no country,
 * so that an incident's "new country" is new whatever else happened to its victim.
 */

export type Continent = "AF" | "AS" | "EU" | "NA" | "OC" | "SA";

export interface Site {
  readonly city: string;
  /** ISO 3166-1 alpha-2, as the databases give it for every range of the site. */
  readonly country: string;
  readonly continent: Continent;
  /** The city's coordinates, to time a flight between sites. */
  readonly latitude: number;
  readonly longitude: number;
  /** Share of the people who work there. */
  readonly share: number;
  /** The office's egress: the few addresses of a business line its traffic leaves by. */
  readonly office: Block;
  /** Residential broadband of the city (IPv4), and the same providers' IPv6. */
  readonly homes: readonly Block[];
  readonly homesV6: readonly Block[];
  /** A commercial VPN's exits in the city: hosting networks (M247, Datacamp) that VPN services rent. */
  readonly vpn: readonly Block[];
}

const blocks = (...cidrs: string[]) => cidrs.map(block);

export const SITES: readonly Site[] = [
  {
    city: "New York",
    country: "US",
    continent: "NA",
    latitude: 40.71,
    longitude: -74.01,
    share: 0.3,
    office: block("63.64.77.96/27"), // Verizon Business, AS701
    // Charter (Spectrum) AS12271, Verizon Fios AS701, Optimum AS6128
    homes: blocks("24.90.64.0/20", "24.90.112.0/21", "70.16.16.0/20", "70.104.32.0/20", "24.38.56.0/22"),
    homesV6: blocks("2600:6000:2::/48", "2600:6000:3::/48", "2600:4808:2890::/48"),
    vpn: blocks("5.157.160.0/22", "23.249.172.0/24"),
  },
  {
    city: "Dublin",
    country: "IE",
    continent: "EU",
    latitude: 53.35,
    longitude: -6.26,
    share: 0.15,
    office: block("78.16.18.64/27"), // BT Ireland, AS2110
    // Virgin Media Ireland (Liberty Global) AS6830, Eir AS5466, Vodafone Ireland AS15502
    homes: blocks("31.187.16.0/20", "46.7.132.0/22", "83.70.8.0/21", "93.107.128.0/20"),
    homesV6: blocks("2a02:8080:8000::/33", "2a09:2140::/48", "2a09:2140:8000::/48"),
    vpn: blocks("31.186.32.0/24", "79.127.161.0/24"),
  },
  {
    city: "Berlin",
    country: "DE",
    continent: "EU",
    latitude: 52.52,
    longitude: 13.4,
    share: 0.15,
    office: block("57.133.66.32/27"), // Colt, AS8220
    // Deutsche Telekom AS3320, Telefónica Germany (O2) AS6805, Vodafone AS3209
    homes: blocks("84.148.0.0/20", "87.169.192.0/20", "2.210.48.0/20", "2.204.228.0/22"),
    homesV6: blocks("2003:c0:2::/48", "2a02:3030:e4::/48"),
    vpn: blocks("5.157.168.0/22", "89.222.123.0/24"),
  },
  {
    city: "Tokyo",
    country: "JP",
    continent: "AS",
    latitude: 35.68,
    longitude: 139.69,
    share: 0.12,
    office: block("49.239.90.32/27"), // IIJ, AS2497
    // NTT OCN AS4713, KDDI AS2516, SoftBank AS17676
    homes: blocks("58.88.116.0/22", "14.8.132.0/22", "1.112.0.0/21"),
    homesV6: blocks("2400:4050:961::/48", "2400:2000:6::/48"),
    vpn: blocks("37.46.20.0/22", "84.17.34.0/24"),
  },
  {
    city: "São Paulo",
    country: "BR",
    continent: "SA",
    latitude: -23.55,
    longitude: -46.63,
    share: 0.13,
    office: block("189.86.245.64/27"), // Claro (Embratel), AS4230
    // Vivo (Telefônica Brasil) AS27699, Claro NET AS28573, TIM AS26615
    homes: blocks("177.9.52.0/22", "177.32.24.0/21", "177.30.0.0/20"),
    homesV6: blocks("2804:431:800a::/48", "2804:14c:20::/48", "2804:1b0:e12e::/48"),
    vpn: blocks("38.180.16.0/24", "45.134.141.0/24"),
  },
  {
    city: "Sydney",
    country: "AU",
    continent: "OC",
    latitude: -33.87,
    longitude: 151.21,
    share: 0.15,
    office: block("1.121.61.32/27"), // Telstra, AS1221
    // TPG AS7545, iiNet AS4739, Optus AS4804
    homes: blocks("58.6.48.0/21", "58.6.144.0/20", "1.40.32.0/22"),
    homesV6: blocks("2001:4479:3::/48", "2405:dc00:ec5d::/48"),
    vpn: blocks("38.180.128.0/23", "79.127.143.0/24"),
  },
];

/** A foreign range and what the databases say of it. */
export interface Foreign {
  readonly block: Block;
  readonly country: string;
  readonly continent: Continent;
}

const foreign = (cidr: string, country: string, continent: Continent): Foreign => ({ block: block(cidr), country, continent });

/** The organisation's integrations (service accounts) run in a cloud: AWS us-east-1, AS14618. */
export const INTEGRATIONS = block("3.80.0.0/16");
/** Okta, which provisions by SCIM and signs external administrators in, calls from AWS us-west-2 (AS16509). */
export const OKTA = block("16.148.0.0/16");
/** The reseller whose consultants administer a few accounts: a business line in London (BT, AS2856). */
export const PARTNER = foreign("5.80.8.16/28", "GB", "EU");

/** Who guesses passwords or mistypes an address: servers and home connections of countries with no office. */
export const STRANGERS: readonly Foreign[] = [
  foreign("178.62.128.0/18", "NL", "EU"), // DigitalOcean Amsterdam
  foreign("37.27.0.0/18", "FI", "EU"), // Hetzner Helsinki
  foreign("57.130.128.0/17", "FR", "EU"), // OVHcloud Roubaix
  foreign("14.251.0.0/16", "VN", "AS"), // VNPT Hanoi
  foreign("217.107.128.0/18", "RU", "EU"), // Rostelecom Moscow
  foreign("36.86.128.0/17", "ID", "AS"), // Telkom Indonesia Jakarta
  foreign("102.88.160.0/19", "NG", "AF"), // MTN Nigeria Lagos
  foreign("156.192.64.0/18", "EG", "AF"), // Telecom Egypt Giza
];
export const STRANGERS_V6: readonly Foreign[] = [
  foreign("2a01:4f9:b000::/40", "FI", "EU"), // Hetzner Helsinki
  foreign("2001:41d0:1000::/36", "FR", "EU"), // OVHcloud Roubaix
  foreign("2001:ee0:800::/37", "VN", "AS"), // VNPT Hanoi
];

/** Servers abroad a stolen password is used from (incident-travel.ts): a new country, and a hosting network. */
export const FOREIGN_HOSTING: readonly Foreign[] = [
  foreign("128.199.128.0/17", "SG", "AS"), // DigitalOcean Singapore
  foreign("141.164.32.0/19", "KR", "AS"), // Vultr Seoul
  foreign("23.26.235.0/24", "RO", "EU"), // M247 Bucharest
  foreign("64.176.66.0/23", "PL", "EU"), // Vultr Warsaw
];

/** Home connections on other continents, behind the residential proxies an impossible trip comes from. */
export const FAR_HOMES: readonly Foreign[] = [
  foreign("106.215.0.0/20", "IN", "AS"), // Bharti Airtel New Delhi
  foreign("41.146.128.0/17", "ZA", "AF"), // Telkom SA Gauteng
  foreign("148.221.144.0/20", "MX", "NA"), // Telmex (Uninet) Mexico City
];
