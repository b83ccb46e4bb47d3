/**
 * Networks of hosting and cloud providers, and of the hosts VPN services rent their exits
 * from: a sign-in from one of them is a machine or a tunnel, not an office or a home.
 *
 * Curated by hand from each provider's own published autonomous systems (their PeeringDB
 * records and network documentation), and each number checked against the organisation the
 * shipped ASN table names for it (hosting.test.ts proves every one is routed there). Transit
 * carriers (Cogent, Hurricane Electric) and CDNs that end users do not sign in from are left
 * out: they would mark ordinary traffic. Cloudflare stays in: its WARP VPN exits there.
 * Changing the list changes GEO_SOURCE (databases.ts), so stored rows are looked up again.
 */
export const HOSTING_NETWORKS: ReadonlyArray<readonly [asn: number, provider: string]> = [
  [16509, "Amazon Web Services"],
  [14618, "Amazon Web Services"],
  [8987, "Amazon Web Services"],
  [7224, "Amazon Web Services"],
  [15169, "Google"],
  [396982, "Google Cloud"],
  [8075, "Microsoft Azure"],
  [14061, "DigitalOcean"],
  [393406, "DigitalOcean"],
  [16276, "OVHcloud"],
  [35540, "OVHcloud"],
  [24940, "Hetzner"],
  [213230, "Hetzner"],
  [212317, "Hetzner"],
  [63949, "Linode (Akamai)"],
  [20473, "Vultr"],
  [31898, "Oracle Cloud"],
  [45102, "Alibaba Cloud"],
  [37963, "Alibaba Cloud"],
  [132203, "Tencent Cloud"],
  [45090, "Tencent Cloud"],
  [12876, "Scaleway"],
  [51167, "Contabo"],
  [40021, "Contabo"],
  [60781, "Leaseweb"],
  [28753, "Leaseweb"],
  [16265, "Leaseweb"],
  [59253, "Leaseweb"],
  [9009, "M247"],
  [60068, "Datacamp (CDN77)"],
  [212238, "Datacamp (CDN77)"],
  [147049, "PacketHub"],
  [136787, "PacketHub"],
  [13335, "Cloudflare"],
  [36351, "IBM Cloud"],
  [29802, "Hivelocity"],
  [396356, "Latitude.sh"],
  [40676, "Psychz Networks"],
  [62240, "Clouvider"],
  [8100, "QuadraNet"],
  [36352, "HostPapa (ColoCrossing)"],
  [8560, "IONOS"],
  [47583, "Hostinger"],
  [19318, "Interserver"],
  [197540, "netcup"],
  [16125, "Cherry Servers"],
  [3214, "xTom"],
  [21859, "Zenlayer"],
  [46475, "Limestone Networks"],
  [23470, "ReliableSite"],
  [53667, "FranTech (BuyVM)"],
  [55286, "B2 Net Solutions"],
  [62904, "Eonix"],
  [35916, "Multacom"],
  [11878, "tzulo"],
  [46562, "Performive"],
  [206264, "Amarutu"],
  [210644, "Aeza"],
  [201814, "MEVSPACE"],
  [136907, "Huawei Cloud"],
  [55990, "Huawei Cloud"],
  [135377, "UCloud"],
  [26496, "GoDaddy"],
  [398101, "GoDaddy"],
  [46606, "Unified Layer"],
  [32244, "Liquid Web"],
  [20860, "iomart"],
  [42708, "GleSYS"],
  [50673, "Serverius"],
  [43350, "NForce"],
  [3223, "Voxility"],
  [9370, "Sakura Internet"],
  [31034, "Aruba Cloud"],
];

const BY_ASN: ReadonlyMap<number, string> = new Map(HOSTING_NETWORKS);

/** The provider whose network the ASN is, or null for an office's, a home's or a carrier's. */
export function hostingProvider(asn: number | null): string | null {
  return asn === null ? null : (BY_ASN.get(asn) ?? null);
}
