import { Anchor, Group, Paper, Stack, Text } from "@mantine/core";
import { geoCentroid, geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import countries from "i18n-iso-countries";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
// Natural Earth 1:50m: the 1:110m file leaves out ten Parties (Andorra, Malta, Tonga…). Served by
// Vigil itself as a static file, fetched only when the map is shown.
import atlasUrl from "world-atlas/countries-50m.json?url";
import { CONTACT_POINT_TYPES, type ContactPointType, type PartySummary } from "../../../shared/directory";
import { ErrorAlert, PageLoader } from "../../app/ui";
import { useApiQuery } from "../../app/useApiQuery";
import { currentLocale } from "../../i18n";
import { TYPE_COLORS, TYPE_KEYS } from "./labels";
import { partyName } from "./text";
import classes from "./WorldMap.module.css";

const WIDTH = 960;
/** Shapes smaller than this (in square units of the 960-wide drawing) also get a dot, to be seen and tapped. */
const SMALL_AREA = 6;
/** Share of the atlas's points kept: the outlines stay recognisable at this size with a tenth of the weight. */
const KEEP_POINTS = 0.1;
const ANTARCTICA = "010";

type Shape = { id: string; d: string; centroid: [number, number] | null; small: boolean };
type Atlas = { height: number; shapes: Map<string, Shape> };

let atlasPromise: Promise<Atlas> | null = null;

/** Fetches, simplifies and projects the atlas once per page load; opening the map again is instant. */
function loadAtlas(signal: AbortSignal): Promise<Atlas> {
  atlasPromise ??= fetch(atlasUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`atlas: HTTP ${response.status}`);
      return response.json() as Promise<Topology<{ countries: GeometryCollection }>>;
    })
    .then(buildAtlas)
    .catch((error: unknown) => {
      atlasPromise = null; // let "Try again" fetch it again
      throw error;
    });
  // The shared promise is not cancelled with one view; an unmounted view just ignores the result.
  return new Promise((resolve, reject) => {
    signal.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError")), { once: true });
    atlasPromise?.then(resolve, reject);
  });
}

function buildAtlas(topology: Topology<{ countries: GeometryCollection }>): Atlas {
  const light = presimplify(topology);
  const simplified = simplify(light, quantile(light, KEEP_POINTS)) as Topology<{ countries: GeometryCollection }>;
  const all = feature(simplified, simplified.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const land = all.features.filter((f) => f.id !== undefined && String(f.id) !== ANTARCTICA);
  const projection = geoEqualEarth().fitWidth(WIDTH, { type: "FeatureCollection", features: land });
  const path = geoPath(projection).digits(1);
  const [[, top], [, bottom]] = path.bounds({ type: "FeatureCollection", features: land });
  const shapes = new Map<string, Shape>();
  for (const f of land as Feature<Geometry, { name: string }>[]) {
    const d = path(f);
    if (!d) continue;
    const centre = projection(geoCentroid(f));
    shapes.set(String(f.id), {
      id: String(f.id),
      d,
      centroid: centre ? [centre[0], centre[1]] : null,
      small: path.area(f) < SMALL_AREA,
    });
  }
  return { height: Math.ceil(bottom - top + 2), shapes };
}

function fillOf(type: ContactPointType | null): string | undefined {
  return type ? TYPE_COLORS[type] : undefined;
}

/**
 * Parties coloured by the type of their primary contact point. Each Party is a link named after it
 * (in alphabetical order for the keyboard); the list below the map is the same information as text.
 */
export default function WorldMap({ parties }: { parties: readonly PartySummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const atlas = useApiQuery("world-atlas", loadAtlas);
  const [pointed, setPointed] = useState<string | null>(null);

  const placed = useMemo(() => {
    if (atlas.status !== "success") return null;
    const onMap: { party: PartySummary; shape: Shape }[] = [];
    const offMap: PartySummary[] = [];
    for (const party of parties) {
      const shape = atlas.data.shapes.get(countries.alpha2ToNumeric(party.iso2) ?? "");
      if (shape) onMap.push({ party, shape });
      else offMap.push(party);
    }
    // Stable: alphabetical within each of the two groups (parties arrive sorted by name).
    onMap.sort((a, b) => Number(a.shape.small) - Number(b.shape.small));
    const partyIds = new Set(onMap.map((p) => p.shape.id));
    const others = [...atlas.data.shapes.values()].filter((s) => !partyIds.has(s.id));
    return { onMap, offMap, others };
  }, [atlas.status, atlas.data, parties]);

  const counts = useMemo(() => {
    const byType = new Map<ContactPointType | null, number>();
    for (const p of parties) byType.set(p.primaryType, (byType.get(p.primaryType) ?? 0) + 1);
    return byType;
  }, [parties]);

  if (atlas.status === "loading") return <PageLoader label={t("directory.map.loading")} />;
  if (atlas.status === "error")
    return <ErrorAlert error={atlas.error} title={t("directory.map.failed")} onRetry={atlas.retry} />;
  if (!placed) return null;

  const typeName = (type: ContactPointType | null) => (type ? t(TYPE_KEYS[type]) : t("directory.noContactPoint"));
  const label = (party: PartySummary) =>
    t("directory.map.partyLabel", { name: partyName(party, locale), type: typeName(party.primaryType) });
  const pointedParty = pointed ? parties.find((p) => p.iso2 === pointed) : undefined;

  return (
    <Paper withBorder radius="md" p={{ base: "xs", sm: "sm" }}>
      <Stack gap="xs">
        <svg className={classes.map} viewBox={`0 0 ${WIDTH} ${atlas.data.height}`} data-testid="world-map">
          <title>{t("directory.map.label")}</title>
          {placed.others.map((shape) => (
            <path key={shape.id} d={shape.d} className={classes.land} />
          ))}
          {/* Paint order is DOM order: the Parties too small to see carry a dot, drawn after every
              larger neighbour so that none covers it (and so they come last for the keyboard). */}
          {placed.onMap.map(({ party, shape }) => (
            <Link
              key={party.iso2}
              to={`/directory/parties/${party.iso2}`}
              className={classes.party}
              aria-label={label(party)}
              data-iso={party.iso2}
              onFocus={() => setPointed(party.iso2)}
              onBlur={() => setPointed(null)}
              onMouseEnter={() => setPointed(party.iso2)}
              onMouseLeave={() => setPointed(null)}
            >
              <path
                d={shape.d}
                fill={fillOf(party.primaryType)}
                className={party.primaryType ? undefined : classes.none}
              />
              {shape.small && shape.centroid ? (
                <circle
                  cx={shape.centroid[0]}
                  cy={shape.centroid[1]}
                  r={4}
                  fill={fillOf(party.primaryType)}
                  className={party.primaryType ? classes.marker : `${classes.marker} ${classes.none}`}
                />
              ) : null}
            </Link>
          ))}
        </svg>

        <Text size="sm" mih={22} aria-hidden="true" data-testid="map-pointed">
          {pointedParty ? label(pointedParty) : t("directory.map.hint")}
        </Text>

        <Group
          component="ul"
          gap="md"
          aria-label={t("directory.map.legend")}
          style={{ listStyle: "none", margin: 0, padding: 0 }}
        >
          {[...CONTACT_POINT_TYPES, null].map((type) =>
            counts.get(type) ? (
              <Group component="li" key={type ?? "none"} gap={6} wrap="nowrap">
                <svg width="14" height="14" aria-hidden="true">
                  <rect width="14" height="14" rx="3" fill={fillOf(type)} className={type ? undefined : classes.none} />
                </svg>
                <Text size="sm">
                  {t("directory.map.legendItem", { type: typeName(type), count: counts.get(type) ?? 0 })}
                </Text>
              </Group>
            ) : null,
          )}
          <Group component="li" gap={6} wrap="nowrap">
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" rx="3" className={classes.land} />
            </svg>
            <Text size="sm">{t("directory.map.notInNetwork")}</Text>
          </Group>
        </Group>

        {placed.offMap.length > 0 ? (
          <Text size="sm">
            {t("directory.map.offMap")}{" "}
            {placed.offMap.map((party, i) => (
              <span key={party.iso2}>
                {i > 0 ? ", " : null}
                <Anchor component={Link} to={`/directory/parties/${party.iso2}`}>
                  {partyName(party, locale)}
                </Anchor>
              </span>
            ))}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
