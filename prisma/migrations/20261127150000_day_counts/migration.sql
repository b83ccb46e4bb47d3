-- event_value_rollup_monthly keeps one count per day of the month in `days`. The sync built
-- that array with 31 count(*) FILTER aggregates per group and added it element by element;
-- for pages where most groups hold one or two events, that was a quarter of the page's write.
-- day_counts(day) builds the array in one pass and add_day_counts adds two of them, both
-- changing the array in place.

CREATE FUNCTION day_count_step(counts int[], day int) RETURNS int[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  counts[day] := counts[day] + 1;
  RETURN counts;
END
$$;

-- Counts per day of the month (1-31) of the rows aggregated: element d is how many had day d.
CREATE AGGREGATE day_counts(int) (
  SFUNC = day_count_step,
  STYPE = int[],
  INITCOND = '{0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0}'
);

CREATE FUNCTION add_day_counts(a int[], b int[]) RETURNS int[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  FOR d IN 1..31 LOOP
    a[d] := a[d] + b[d];
  END LOOP;
  RETURN a;
END
$$;
