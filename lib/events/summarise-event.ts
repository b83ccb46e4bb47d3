import { eventTypeInfo, humanize } from "@/lib/asana/event-types";
import { jsonText } from "@/lib/format/json-text";
import { visibleText } from "@/lib/format/visible-text";

/**
 * Events in words: the sentence at the top of an event's detail ("Alice Smith changed the
 * workspace's SAML setting from optional to required") and the one-line digest of `details`
 * in the table. Both are built from the event type's shape (a verb suffix, a setting in the
 * middle) rather than one template per type, so that a type Asana adds tomorrow still reads
 * sensibly; a handful of phrases are overridden where the mechanical reading is clumsy.
 *
 * Every value Asana sent enters a sentence through `visibleText`: cut to a few dozen
 * characters, with bidi controls and other invisible characters shown by name, so that a
 * name cannot reorder or hide the words around it. Lookups by a value are Maps or own keys.
 */
export interface EventFacts {
  eventType: string;
  actorType: string;
  actorName: string | null;
  actorEmail: string | null;
  resourceType: string | null;
  resourceName: string | null;
  resourceEmail: string | null;
  details: unknown;
}

type Details = Record<string, unknown>;

const asDetails = (details: unknown): Details => (details && typeof details === "object" && !Array.isArray(details) ? (details as Details) : {});
const has = (d: Details, key: string) => Object.hasOwn(d, key);

const MAX_VALUE = 60;
/** A name in a sentence: long enough for any real one. */
const MAX_NAME = 120;

/** A detail value as short readable text; null and missing read as "(none)". */
export function showValue(value: unknown, max = MAX_VALUE): string {
  if (value === null || value === undefined || value === "") return "(none)";
  const text = typeof value === "string" ? value : jsonText(value, { max }).text;
  return visibleText(text, max - 1);
}

/** A name Asana sent, as a sentence shows it. */
const shown = (name: string) => visibleText(name, MAX_NAME);

/** The details of an event in one line: "optional → required · group: Finance". */
export function summariseDetails(details: unknown, max = 160): string {
  const d = asDetails(details);
  const parts: string[] = [];
  const hasOld = has(d, "old_value");
  const hasNew = has(d, "new_value");
  if (hasOld && hasNew) parts.push(`${showValue(d.old_value)} → ${showValue(d.new_value)}`);
  else if (hasNew) parts.push(`now ${showValue(d.new_value)}`);
  else if (hasOld) parts.push(`was ${showValue(d.old_value)}`);
  for (const [key, value] of Object.entries(d)) {
    if (key === "old_value" || key === "new_value") continue;
    // Enough parts to fill the line: a thousand keys must not cost a thousand parts.
    if (parts.join(" · ").length > max) break;
    if (value && typeof value === "object" && Object.hasOwn(value, "name")) parts.push(`${words(key)}: ${showValue((value as { name: unknown }).name)}`);
    else if (key === "saml_response") parts.push(value ? "SAML response kept" : "no SAML response");
    else parts.push(`${words(key)}: ${showValue(value, 40)}`);
  }
  const line = parts.join(" · ");
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const ACTOR_TYPE_WORDS: ReadonlyMap<string, string> = new Map([
  ["asana", "Asana"],
  ["asana_support", "Asana Support"],
  ["anonymous", "An anonymous user"],
  ["external_administrator", "An external administrator"],
]);

/** Who acted, as stored (the table shows it through DataText; sentences through visibleText). */
export function actorPhrase(e: Pick<EventFacts, "actorType" | "actorName" | "actorEmail">): string {
  return e.actorName ?? e.actorEmail ?? ACTOR_TYPE_WORDS.get(e.actorType) ?? "Someone";
}

function resourcePhrase(e: EventFacts): string {
  const type = e.resourceType ? humanize(e.resourceType).toLowerCase() : "resource";
  if (e.resourceType === "workspace") return "the workspace";
  if (e.resourceType === "user") return shown(e.resourceName ?? e.resourceEmail ?? "a user");
  return e.resourceName ? `the ${type} “${shown(e.resourceName)}”` : `a ${type}`;
}

function possessive(e: EventFacts): string {
  return e.resourceType === "workspace" ? "the workspace's" : `${resourcePhrase(e)}'s`;
}

/** "the workspace's SAML setting", "Bob's workspace admin role", "the privacy setting of the team “Design”". */
function settingPhrase(e: EventFacts, setting: string): string {
  return e.resourceType === "workspace" || e.resourceType === "user" ? `${possessive(e)} ${setting}` : `the ${setting} of ${resourcePhrase(e)}`;
}

// Setting names read better with a few words of their own.
const SETTING_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  saml_settings: "SAML setting",
  google_sso_settings: "Google SSO setting",
  two_factor_auth: "two-factor authentication",
  require_two_factor_auth: "mandatory two-factor authentication",
  view_links: "read-only links",
  view_link: "read-only link",
  share_link: "join link",
  wide_reporting: "workspace-wide reporting",
  personal_access_token: "personal access tokens",
  form_is_embeddable_forms: "embeddable forms",
  form_link_authentication_required: "required sign-in for form links",
  logged_out_view_authentication_required: "required sign-in for logged-out views",
  harvest_integration: "the Harvest integration",
  saml_url: "SAML URL",
  security_contact_email: "security contact e-mail",
  app_recipient_emails: "app-approval request recipients",
  require_app_approvals_of_type: "app-approval requirement",
}));

/** Lower-case words, keeping acronyms and names (SAML, OAuth, Google) as people write them. */
function words(snake: string): string {
  return humanize(snake)
    .split(" ")
    .map((w) => (/^[A-Z][a-z]+$/.test(w) && w !== "Google" && w !== "Harvest" && w !== "Asana" ? w.toLowerCase() : w))
    .join(" ");
}

/** The setting a type names between its resource prefix and its verb: workspace_saml_settings_changed → "SAML setting". */
function settingOf(eventType: string, resourceType: string | null, suffix: string): string {
  let middle = eventType.slice(0, -suffix.length);
  for (const prefix of [resourceType, "workspace", "user", "team", "project"]) {
    if (prefix && middle.startsWith(`${prefix}_`)) {
      middle = middle.slice(prefix.length + 1);
      break;
    }
  }
  return SETTING_WORDS.get(middle) ?? words(middle).replace(/\bsettings\b/, "setting");
}

function fromTo(d: Details): string {
  const hasOld = has(d, "old_value");
  const hasNew = has(d, "new_value");
  if (hasOld && hasNew) return ` from ${showValue(d.old_value)} to ${showValue(d.new_value)}`;
  if (hasNew) return ` to ${showValue(d.new_value)}`;
  return "";
}

const methodNote = (d: Details) => (has(d, "method") && typeof d.method === "string" ? ` with ${words(d.method)}` : "");

type Phrase = (e: EventFacts, actor: string, d: Details) => string;

const SPECIAL: ReadonlyMap<string, Phrase> = new Map(Object.entries({
  user_login_succeeded: (_e, actor, d) => `${actor} signed in${methodNote(d)}`,
  user_login_failed: (e, actor, d) => `A sign-in as ${e.resourceName || e.resourceEmail ? shown(e.resourceName ?? e.resourceEmail!) : actor} failed${methodNote(d)}`,
  user_logged_out: (_e, actor) => `${actor} signed out`,
  user_invited: (e, actor) => `${actor} invited ${resourcePhrase(e)}`,
  user_deprovisioned: (e, actor) => `${actor} removed ${resourcePhrase(e)} from the workspace`,
  user_reprovisioned: (e, actor) => `${actor} restored ${resourcePhrase(e)} to the workspace`,
  user_forgot_password_started: (e, actor) => `${actor} asked for a password-reset link for ${resourcePhrase(e)}`,
  user_password_reset: (e, actor) => `${actor} reset ${possessive(e)} password`,
  user_password_changed: (_e, actor) => `${actor} changed their password`,
  workspace_force_password_reset: (_e, actor) => `${actor} forced every user in the workspace to reset their password`,
  workspace_baa_signed: (_e, actor) => `${actor} signed the workspace's Business Associate Addendum`,
  user_app_authorized: (_e, actor, d) => `${actor} authorized the app ${showValue(d.app_name)}`,
  user_app_revoked: (_e, actor, d) => `${actor} revoked the app ${showValue(d.app_name)}`,
  user_personal_access_token_authorized: (_e, actor) => `${actor} created a personal access token`,
  user_personal_access_token_revoked: (_e, actor) => `${actor} revoked a personal access token`,
  workspace_associated_email_domain_added: (_e, actor, d) => `${actor} associated the e-mail domain ${showValue(d.new_value)} with the workspace`,
  workspace_associated_email_domain_removed: (_e, actor, d) => `${actor} removed the e-mail domain ${showValue(d.old_value)} from the workspace`,
  service_account_created: (e, actor) => `${actor} created the service account ${resourcePhrase(e)}`,
  service_account_deleted: (e, actor) => `${actor} deleted the service account ${resourcePhrase(e)}`,
  workspace_app_admin_approval_setting_changed: (_e, actor, d) => `${actor} changed the approval of the app ${showValue(d.app_name)}${fromTo(d)}`,
} satisfies Record<string, Phrase>));

const VERB_SUFFIXES: Array<[string, string]> = [
  ["_permanently_deleted", "permanently deleted"],
  ["_undeleted", "restored"],
  ["_deleted", "deleted"],
  ["_created", "created"],
  ["_uploaded", "uploaded"],
  ["_downloaded", "downloaded"],
  ["_export_started", "started an export of"],
  ["_removed", "removed"],
];

/** The sentence a person can read, without a final full stop. */
export function describeEvent(e: EventFacts): string {
  const actor = shown(actorPhrase(e));
  const d = asDetails(e.details);
  const special = SPECIAL.get(e.eventType);
  if (special) return special(e, actor, d);

  const type = e.eventType;
  if (type.endsWith("_changed")) return `${actor} changed ${settingPhrase(e, settingOf(type, e.resourceType, "_changed"))}${fromTo(d)}`;
  for (const [suffix, onOff] of [
    ["_enabled", "turned on"],
    ["_disabled", "turned off"],
  ] as const) {
    if (type.endsWith(suffix)) {
      const target = e.resourceType === "workspace" ? "" : ` for ${resourcePhrase(e)}`;
      return `${actor} ${onOff} ${settingOf(type, e.resourceType, suffix)}${target}`;
    }
  }
  for (const [suffix, verb] of [
    ["_member_added", "added a member to"],
    ["_member_removed", "removed a member from"],
  ] as const) {
    if (type.endsWith(suffix)) {
      const level = suffix === "_member_added" ? (has(d, "new_value") ? ` as ${showValue(d.new_value)}` : "") : has(d, "old_value") ? ` (was ${showValue(d.old_value)})` : "";
      return `${actor} ${verb} ${resourcePhrase(e)}${level}`;
    }
  }
  for (const [suffix, verb] of VERB_SUFFIXES) {
    if (type.endsWith(suffix)) return `${actor} ${verb} ${resourcePhrase(e)}`;
  }
  // A type nobody wrote words for: the catalogue's description, or the type itself.
  const info = eventTypeInfo(type);
  const what = info ? info.description.replace(/\s*\[[^\]]*\]\s*$/, "").replace(/\.$/, "") : humanize(type);
  return `${actor}: ${what}${e.resourceName && e.resourceType !== "workspace" ? ` (${resourcePhrase(e)})` : ""}`;
}
