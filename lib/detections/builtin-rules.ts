import { APP_AND_TOKEN_RULES, OUTSIDER_RULES } from "./builtin-rules/access";
import type { BuiltinRule } from "./builtin-rules/base";
import { PANTHER_RULES } from "./builtin-rules/panther";
import { SIGN_IN_RULES } from "./builtin-rules/sign-ins";
import { VOLUME_RULES } from "./builtin-rules/volume";

export type { BuiltinRule } from "./builtin-rules/base";

/**
 * The rules every installation starts with, on by default: Panther's Asana pack with the same
 * logic, then brute force, two-factor authentication, Asana support and external
 * administrators, deprovisioned users, mass deletion and export, and OAuth apps and tokens.
 * Created at start when missing (lib/detections/builtin-sync.ts); an admin's tuning and
 * switching are kept across upgrades.
 */
export const BUILTIN_RULES: readonly BuiltinRule[] = [...PANTHER_RULES, ...SIGN_IN_RULES, ...OUTSIDER_RULES, ...VOLUME_RULES, ...APP_AND_TOKEN_RULES];
