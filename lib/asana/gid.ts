import { z } from "zod";

/** Actor, resource and workspace gids are Asana's: digits only. */
export const gidSchema = z.string().regex(/^\d{1,32}$/, "an actor or resource gid is digits only");
