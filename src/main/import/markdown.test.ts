import { describe, expect, it } from 'vitest'
import { inline, markdownToText } from './markdown'

describe('markdownToText', () => {
  it('keeps the text of headings, paragraphs, lists and quotes and drops the syntax', () => {
    const markdown = [
      '# Ferry crews walk out',
      '',
      'Crews on the **three** island routes stopped work',
      'at dawn on *Tuesday*, the [union](https://union.example "Union site") said.',
      '',
      '> “Nobody signed up to sleep on the car deck,”',
      '> said a _deckhand_.',
      '',
      'Demands',
      '-------',
      '',
      '- no new night shifts',
      '* pay for standby',
      '1. talks on Thursday',
      '',
      '***',
      '',
      'See ![a photo](photo.jpg) the [timetable][tt] and <https://ferries.example/status>.',
      '',
      '[tt]: https://ferries.example/timetable',
    ].join('\n')
    expect(markdownToText(markdown).text).toBe(
      [
        'Ferry crews walk out',
        'Crews on the three island routes stopped work at dawn on Tuesday, the union said.',
        '“Nobody signed up to sleep on the car deck,” said a deckhand.',
        'Demands',
        'no new night shifts',
        'pay for standby',
        '1. talks on Thursday',
        'See the timetable and https://ferries.example/status.',
      ].join('\n\n'),
    )
  })

  it('takes the title from a level-1 heading that opens the document', () => {
    expect(markdownToText('# Ferry strike\n\nBody.').meta).toEqual({ title: { value: 'Ferry strike', source: 'Markdown first # heading' } })
    expect(markdownToText('Ferry strike\n===\n\nBody.').meta).toEqual({ title: { value: 'Ferry strike', source: 'Markdown first # heading' } })
    expect(markdownToText('Intro.\n\n# Later heading').meta).toEqual({})
    expect(markdownToText('## Section\n\nBody.').meta).toEqual({})
  })

  it('keeps code literally, underscores inside words, escaped characters, and hard line breaks', () => {
    const markdown = ['Use `a *literal* star` and snake_case_names, \\*not emphasis\\*.  ', 'Second line.', '', '```js', 'const x = a * b', '```'].join('\n')
    expect(markdownToText(markdown).text).toBe('Use a *literal* star and snake_case_names, *not emphasis*.\nSecond line.\n\nconst x = a * b')
  })

  it('turns tables into tab-separated rows and removes HTML comments', () => {
    const markdown = ['<!-- draft -->', '| Route | Sailings |', '|---|:---:|', '| North | 6 |', '| **South** | 4 |'].join('\n')
    expect(markdownToText(markdown).text).toBe('Route\tSailings\nNorth\t6\nSouth\t4')
  })

  it('reads YAML front matter as metadata, not text', () => {
    const markdown = ['---', 'title: "Ferry crews walk out"', 'author: [Mira Kovač, Tomás Ferreira]', 'date: 2025-03-04T10:15:00+01:00', 'source: Harbour Gazette', 'tags: [ferries]', '---', '', 'Body text.'].join('\n')
    const { text, meta } = markdownToText(markdown)
    expect(text).toBe('Body text.')
    expect(meta).toEqual({
      title: { value: 'Ferry crews walk out', source: 'Markdown front matter title' },
      author: { value: 'Mira Kovač, Tomás Ferreira', source: 'Markdown front matter author' },
      published: { value: '2025-03-04T10:15:00+01:00', source: 'Markdown front matter date' },
      outlet: { value: 'Harbour Gazette', source: 'Markdown front matter source' },
    })
  })

  it('reads no metadata from front-matter keys that are names on Object.prototype', () => {
    const keys = Object.getOwnPropertyNames(Object.prototype).filter((name) => /^[A-Za-z_][\w-]*$/.test(name))
    const markdown = ['---', ...keys.map((key) => `${key}: ${key} value`), 'title: Named fields only', '---', '', 'Body text.'].join('\n')
    const { meta } = markdownToText(markdown)
    expect(Object.keys(meta)).toEqual(['title'])
    expect(meta.title).toEqual({ value: 'Named fields only', source: 'Markdown front matter title' })
  })

  it('leaves arithmetic and lone markers alone', () => {
    expect(inline('5 * 3 * 2 = 30 and a_b_c and x__y__z')).toBe('5 * 3 * 2 = 30 and a_b_c and x__y__z')
    expect(inline('**bold** and ~~gone~~ and `code`')).toBe('bold and gone and code')
  })
})
