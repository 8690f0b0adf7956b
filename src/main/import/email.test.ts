/**
 * E-mail messages made by real tools: `git format-patch` (this repository's own history)
 * and Python's email library (MIME multipart, quoted-printable, an attachment). Their
 * headers become metadata, never body text.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { looksLikeEmail, rfc2822Date } from './email'
import { extractDocument } from './extract'

const repo = join(import.meta.dirname, '..', '..', '..')
const hasGit = spawnSync('git', ['-C', repo, 'rev-parse', 'HEAD~3']).status === 0
const hasPython = spawnSync('python3', ['-c', 'import email']).status === 0
const bytes = (text: string) => new TextEncoder().encode(text)

/** A patch mail of this repository, as `git format-patch` writes it. */
const patch = (rev: string) => execFileSync('git', ['-C', repo, 'format-patch', '-1', rev, '--stdout'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

/** A MIME message written by Python's email library. */
function pythonMail(): string {
  const script = String.raw`
from email.message import EmailMessage
m = EmailMessage()
m['From'] = 'Ayla Sohtaoğlu <ayla@example.org>'
m['To'] = 'desk@example.org'
m['Subject'] = 'Convoy turned back at Tartus — notes'
m['Date'] = 'Tue, 21 Jan 2025 09:15:00 +0200'
m['Message-ID'] = '<a1@example.org>'
m['List-Id'] = 'Syria desk <syria-desk.example.org>'
m.set_content('Two ships docked at Tartus on Tuesday.\nThey loaded armoured vehicles — about forty, port workers said.\n', cte='quoted-printable')
m.add_alternative('<p>Two ships docked at <b>Tartus</b> on Tuesday.</p>', subtype='html')
m.add_attachment(b'%PDF-1.4 not really', maintype='application', subtype='pdf', filename='manifest.pdf')
print(m.as_string())
`
  return execFileSync('python3', ['-c', script], { encoding: 'utf8' })
}

describe('e-mail messages', () => {
  it.skipIf(!hasGit)('a git format-patch mail saved as .txt: Subject, author and date as metadata, no header in the text (skipped without git)', async () => {
    const mail = patch('HEAD~3')
    expect(looksLikeEmail(mail)).toBe(true)
    const doc = await extractDocument(bytes(mail), 'change.txt')
    expect(doc.format).toBe('email')
    const subject = /^Subject: (.*(?:\n .*)*)/m.exec(mail)![1]!.replace(/\n /g, ' ')
    expect(doc.meta.title?.value).toBe(subject)
    expect(doc.meta.author?.value).toMatch(/\S/)
    expect(doc.meta.published?.value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    expect(doc.text).not.toMatch(/^(From|Date|Subject): /m)
    expect(doc.text).toMatch(/^diff --git /m)
  })

  it.skipIf(!hasPython)('a MIME message (.eml) from Python: decoded text part, the list as outlet, the date as stated, the attachment named (skipped without python3)', async () => {
    const doc = await extractDocument(bytes(pythonMail()), 'notes.eml')
    expect(doc.format).toBe('email')
    expect(doc.meta).toMatchObject({
      title: { value: 'Convoy turned back at Tartus — notes' },
      author: { value: 'Ayla Sohtaoğlu' },
      published: { value: '2025-01-21T09:15:00+02:00' },
      outlet: { value: 'Syria desk' },
    })
    expect(doc.text).toContain('They loaded armoured vehicles — about forty, port workers said.')
    expect(doc.text).not.toMatch(/=E2=80=94|Content-Transfer-Encoding|<p>/)
    expect(doc.text).toContain('[1 attachment not imported: manifest.pdf]')
  })

  it('a text that only opens with "Subject:" is a text, not a message', async () => {
    const text = 'Subject: the withdrawal from Syria\n\nRussia began to move equipment from the Khmeimim air base.\n'
    expect(looksLikeEmail(text)).toBe(false)
    expect((await extractDocument(bytes(text), 'note.txt')).format).toBe('txt')
  })

  it('a .eml that is not a message is refused, saying why', async () => {
    await expect(extractDocument(bytes('Just a note about the convoy.\n'), 'note.eml')).rejects.toThrow(/note\.eml is not an e-mail message: it does not start with mail headers/)
  })

  it('reads RFC 2822 dates with their offset, and refuses what is not one', () => {
    expect(rfc2822Date('Tue, 21 Jan 2025 09:15:00 +0200')).toBe('2025-01-21T09:15:00+02:00')
    expect(rfc2822Date('3 Feb 1998 23:05 -0500')).toBe('1998-02-03T23:05:00-05:00')
    expect(rfc2822Date('Sat, 21 Nov 2026 17:13:31 +0000 (UTC)')).toBe('2026-11-21T17:13:31+00:00')
    expect(rfc2822Date('31 Feb 2025 10:00:00 +0000')).toBeNull()
    expect(rfc2822Date('yesterday')).toBeNull()
  })
})
