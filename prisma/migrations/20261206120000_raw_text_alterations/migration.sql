-- `raw` keeps Asana's text exactly, even where PostgreSQL's JSON parser cannot follow it (a
-- value nested deeper than its stack allows), so it is text rather than json: nothing reads
-- into it with JSON operators, and json held the same text anyway. `alterations` lists what
-- the sync had to change in the searchable columns (NUL, unpaired surrogates, numbers jsonb
-- cannot hold, over-long indexed values, year 0000); null for the events stored as they came.
-- One ALTER rewrites the table once.

-- AlterTable
ALTER TABLE "audit_event" ALTER COLUMN "raw" SET DATA TYPE TEXT,
ADD COLUMN     "alterations" JSONB;

-- A quarantined record is kept as the text Asana sent, whatever it holds.
-- AlterTable
ALTER TABLE "quarantined_event" ALTER COLUMN "payload" SET DATA TYPE TEXT;
