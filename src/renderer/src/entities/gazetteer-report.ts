/**
 * The status line after a gazetteer file was imported (Entities view, Gazetteer menu, or
 * File > Import Gazetteer File…): how many entities it added, how many of its spellings
 * the notebook already had and so left out, and how many of its entities were skipped.
 */
import type { GazetteerFileImport } from '../../../core/api-entities'
import { plural } from '../plural'

export function gazetteerFileDone({ fileName, value }: Pick<GazetteerFileImport, 'fileName' | 'value'>): string {
  const parts =
    value.changed.length === 0
      ? [`Nothing added from “${fileName}”: ${value.skipped.length === 0 ? 'it holds no entities' : 'its entities are in this notebook already'}`]
      : [`Added ${plural(value.changed.length, 'entity', 'entities')} from “${fileName}”`]
  if (value.spellingsLeftOut > 0) parts.push(`${plural(value.spellingsLeftOut, 'spelling')} already known ${value.spellingsLeftOut === 1 ? 'was' : 'were'} left out`)
  if (value.changed.length > 0 && value.skipped.length > 0) parts.push(`${plural(value.skipped.length, 'entity', 'entities')} skipped (already in the notebook)`)
  return parts.join('; ')
}
