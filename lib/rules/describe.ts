import type { RuleCondition } from "@/lib/detections/rule";

const duration = (seconds: number): string => {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}`;
  if (seconds % 3_600 === 0) return `${seconds / 3_600} hour${seconds === 3_600 ? "" : "s"}`;
  if (seconds % 60 === 0) return `${seconds / 60} minute${seconds === 60 ? "" : "s"}`;
  return `${seconds} seconds`;
};

const KEY_WORDS = { actor: "actor", ip: "address", resource: "resource", app: "app", none: "anything" } as const;
const SEEN_WORDS = { ip: "address", country: "country", userAgent: "user agent", oauthApp: "OAuth app", resource: "resource" } as const;

/** A rule's condition in a sentence: "20 or more within 1 hour per actor". */
export function describeCondition(rule: RuleCondition): string {
  switch (rule.condition) {
    case "match":
      return `every match (one alert per ${KEY_WORDS[rule.settings.groupBy]})`;
    case "threshold": {
      const s = rule.settings;
      const what = s.distinct ? `${s.threshold} or more different ${KEY_WORDS[s.distinct]}s` : `${s.threshold} or more`;
      const base = `${what} within ${duration(s.windowSeconds)} per ${KEY_WORDS[s.groupBy]}`;
      return s.then ? `${base}, then “${s.then}”` : base;
    }
    case "first_seen":
      return `a ${SEEN_WORDS[rule.settings.field]} new for the ${KEY_WORDS[rule.settings.groupBy]} within ${duration(rule.settings.lookbackSeconds)}`;
    case "after":
      return `activity after “${rule.settings.marker}”${rule.settings.cancel ? ` unless “${rule.settings.cancel}”` : ""}`;
    case "travel":
      return `travel faster than ${rule.settings.speedKmh.toLocaleString("en")} km/h between an actor's places (${rule.settings.accuracyKm.toLocaleString("en")} km allowed at each end)`;
  }
}

export { duration };
