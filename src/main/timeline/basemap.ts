/**
 * The map's offline basemap (decision 55): Natural Earth's 1:50m countries from the npm
 * package `world-atlas` (TopoJSON, public domain), converted to GeoJSON land and borders
 * with `topojson-client`. Read from the installed package, never from the network; loaded
 * once per process and only by the commands that draw a map.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { feature, mesh } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import type { Basemap } from '../../core/timeline/map'

const ATTRIBUTION = 'Basemap: Natural Earth (public domain), 1:50m, via world-atlas'

let loaded: Promise<Basemap> | null = null

/** The basemap, read on first use. */
export function loadBasemap(): Promise<Basemap> {
  loaded ??= readBasemap().catch((error: unknown) => {
    loaded = null
    throw error
  })
  return loaded
}

async function readBasemap(): Promise<Basemap> {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json')
  const topology = JSON.parse(await readFile(path, 'utf8')) as Topology<{ countries: GeometryCollection; land: GeometryCollection }>
  const land = feature(topology, topology.objects.land)
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b)
  return { land, borders, attribution: ATTRIBUTION }
}
