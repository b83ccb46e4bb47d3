-- Where client addresses are (lib/geo): one row per distinct address, looked up offline.
-- CreateTable
CREATE TABLE "ip_location" (
    "ip" INET NOT NULL,
    "source" TEXT NOT NULL,
    "country" TEXT,
    "region" TEXT,
    "city" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "asn" INTEGER,
    "as_org" TEXT,
    "hosting" BOOLEAN NOT NULL DEFAULT false,
    "located_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ip_location_pkey" PRIMARY KEY ("ip")
);

-- CreateIndex
CREATE INDEX "ip_location_country_idx" ON "ip_location"("country");

-- CreateIndex
CREATE INDEX "ip_location_asn_idx" ON "ip_location"("asn");

-- CreateIndex
CREATE INDEX "ip_location_source_idx" ON "ip_location"("source");

