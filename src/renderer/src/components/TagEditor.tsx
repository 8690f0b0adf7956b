/**
 * The codebook's "New tag" form: name (use "/" to file it under another, e.g.
 * Bases/Tartus), colour (the next unused palette colour by default) and description.
 */
import { useState, type FormEvent } from 'react'
import type { NewTag } from '../../../core/api'
import { ColorPicker } from '../tags/ColorPicker'
import { nextPaletteColor } from '../tags/palette'

interface Props {
  usedColors: string[]
  busy: boolean
  onCreate(tag: NewTag): Promise<boolean>
}

export function TagEditor({ usedColors, busy, onCreate }: Props) {
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [chosen, setChosen] = useState<string | null>(null)
  const color = chosen ?? nextPaletteColor(usedColors)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (name.trim() === '') return
    const ok = await onCreate({ name: name.trim(), color, description: description.trim() })
    if (ok) {
      setName('')
      setDescription('')
      setChosen(null)
    }
  }

  return (
    <form className="tag-new" aria-label="New tag" onSubmit={(e) => void submit(e)}>
      <h3 className="tag-new-heading">New tag</h3>
      <label className="tag-field">
        <span>Name</span>
        <input type="text" value={name} maxLength={100} placeholder="e.g. Bases/Tartus" onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="tag-field">
        <span aria-hidden="true">Colour</span>
        <ColorPicker value={color} onChange={setChosen} label="Colour" />
      </div>
      <label className="tag-field">
        <span>Description</span>
        <textarea
          value={description}
          maxLength={500}
          rows={2}
          placeholder="What this tag is for: the codebook entry"
          onChange={(e) => setDescription(e.target.value)}
        />
      </label>
      <button type="submit" className="button button-primary" disabled={busy || name.trim() === ''}>
        Add tag
      </button>
    </form>
  )
}
