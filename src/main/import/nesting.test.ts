import { describe, expect, it } from 'vitest'
import { nestingDepth } from './nesting'

const deep = (n: number, open = '<div>', close = '</div>') => `${open.repeat(n)}text${close.repeat(n)}`

describe('nestingDepth', () => {
  it('counts how deeply elements nest, in HTML and XML', () => {
    expect(nestingDepth('<html><body><div><p>a</p><section><div>b</div></section></div></body></html>', 'html', 100)).toBe(3)
    expect(nestingDepth(deep(250), 'html', 1_000)).toBe(250)
    expect(nestingDepth('<w:document><w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p/></w:body></w:document>', 'xml', 100)).toBe(5)
  })

  it('stops counting at the limit', () => {
    expect(nestingDepth(deep(100_000), 'html', 1_001)).toBe(1_001)
  })

  it('does not count what a browser would not nest: void elements, elements whose end tag may be left out, self-closing XML', () => {
    const sloppy = `<ul>${'<li>item <br> <img src=x> <input>'.repeat(5_000)}</ul><table>${'<tr><td>a<td>b'.repeat(5_000)}</table>${'<p>para'.repeat(5_000)}`
    expect(nestingDepth(sloppy, 'html', 1_000)).toBe(1)
    expect(nestingDepth(`<root>${'<x/>'.repeat(5_000)}</root>`, 'xml', 1_000)).toBe(1)
  })

  it('skips the text of scripts, styles, comments and CDATA, where "<div" is not a tag', () => {
    const page = `<div><script>var s = "${'<div>'.repeat(5_000)}";</script><style>/* <div> */</style><!-- ${'<div>'.repeat(5_000)} --><p>a</p></div>`
    expect(nestingDepth(page, 'html', 1_000)).toBe(2) // the div, and the script in it
    expect(nestingDepth(`<a><![CDATA[${'<b>'.repeat(5_000)}]]></a>`, 'xml', 1_000)).toBe(1)
  })

  it('reads tags in any case in HTML, and tolerates markup that is not markup', () => {
    expect(nestingDepth('<DIV><Div>a</div></DIV>', 'html', 10)).toBe(2)
    expect(nestingDepth('3 < 4 and <> and </> and < div and <1a>', 'html', 10)).toBe(0)
    // A "<" with no ">" after it anywhere (1 MB of them) ends the scan instead of rescanning the rest each time.
    expect(nestingDepth(`<div>${'<a '.repeat(350_000)}`, 'html', 10)).toBe(1)
  })
})
