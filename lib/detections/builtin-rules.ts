import { APP_AND_TOKEN_RULES, OUTSIDER_RULES } from "./builtin-rules/access";
import type { BuiltinRule } from "./builtin-rules/base";
import { PANTHER_RULES } from "./builtin-rules/panther";
import { PLACE_RULES } from "./builtin-rules/places";
import { SIGN_IN_RULES } from "./builtin-rules/sign-ins";
import { VOLUME_RULES } from "./builtin-rules/volume";

export type { BuiltinRule } from "./builtin-rules/base";

/**
 * The rules every installation starts with, on by default: Panther's Asana pack with the same
 * logic, then brute force, two-factor authentication, Asana support and external
 * administrators, deprovisioned users, mass deletion and export, OAuth apps and tokens, and
 * where sign-ins come from (a new country, impossible travel, a hosting network).
 * Created at start when missing (lib/detections/builtin-sync.ts); an admin's tuning and
 * switching are kept across upgrades.
 */
export const BUILTIN_RULES: readonly BuiltinRule[] = [...PANTHER_RULES, ...SIGN_IN_RULES, ...OUTSIDER_RULES, ...VOLUME_RULES, ...APP_AND_TOKEN_RULES, ...PLACE_RULES];
