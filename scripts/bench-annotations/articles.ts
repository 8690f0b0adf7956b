/**
 * Generated news articles for the annotation benchmark: sentences of reporting put
 * together from word lists with a seeded PRNG (scripts/shared/corpus.ts), no sentence
 * twice in the whole set, so every sentence quoted by an annotation occurs once in the
 * notebook (as real quotes almost always do). Some place names carry Turkish or Arabic
 * letters, and one article in ten opens with an emoji, so positions in code points and
 * UTF-16 units differ as they do in real archives. Half the articles state their URL.
 */
import { prng } from '../shared/corpus'

const WHO = [
  'Port officials', 'Two shipping brokers', 'The harbour master', 'A ministry spokesman', 'Local residents', 'Satellite analysts', 'The governor’s office',
  'Customs officers', 'A senior diplomat', 'Truck drivers', 'The coast guard', 'Insurance underwriters', 'Union leaders', 'An energy trader', 'Military observers',
  'Mehmet Sohtaoğlu', 'Aylin Yıldız', 'The regional council', 'Freight forwarders', 'Fishermen',
]
const DID = [
  'reported', 'confirmed', 'denied', 'described', 'counted', 'photographed', 'questioned', 'welcomed', 'criticised', 'tracked', 'estimated', 'disputed',
  'announced', 'recorded', 'played down', 'warned about',
]
const WHAT = [
  'the arrival of three grain carriers', 'a new tariff on container traffic', 'delays at the northern berths', 'the withdrawal of two landing ships',
  'a convoy of fuel tankers', 'repairs to the breakwater', 'rising insurance premiums', 'the closure of the ferry terminal', 'a dispute over berth fees',
  'unannounced naval exercises', 'a surge in transit cargo', 'the dredging of the approach channel', 'a shortage of tug boats', 'talks on a long-term lease',
  'the seizure of a cargo of cement', 'night-time loading of military vehicles', 'an oil spill near the quay', 'new cranes at the container yard',
]
const WHERE = [
  'in Tartus', 'at Latakia', 'near Baniyas', 'off the coast of Cyprus', 'in İzmir', 'at the port of Mersin', 'in Iskenderun', 'near طرطوس', 'at Ceyhan',
  'along the Bosporus', 'in the Gulf of Antalya', 'at Haifa', 'near Ağrı', 'in Alexandria', 'at Port Said',
]
const WHEN = ['on Monday', 'on Tuesday', 'late on Wednesday', 'early on Thursday', 'on Friday', 'over the weekend', 'last week', 'in the past month', 'since January', 'before dawn']
const HOW = [
  'according to people familiar with the matter', 'in a statement', 'without giving details', 'citing tracking data', 'speaking on condition of anonymity',
  'in an interview', 'at a press briefing', 'in a letter seen by reporters', 'on state television', 'in a social media post',
]

export interface GeneratedArticle {
  name: string
  text: string
  /** Its sentences, in order, each unique across every article generated together. */
  sentences: string[]
}

/** `count` articles of `sentencesEach` sentences (paragraphs of 3–6), with headline, date and sometimes a URL line. */
export function generateArticles(count: number, sentencesEach: number, seed: number): GeneratedArticle[] {
  const rand = prng(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const used = new Set<string>()
  const sentence = (): string => {
    for (;;) {
      const figure = 2 + Math.floor(rand() * 9_998)
      const s = `${pick(WHO)} ${pick(DID)} ${pick(WHAT)} ${pick(WHERE)} ${pick(WHEN)}, ${pick(HOW)}, putting the figure at ${figure.toLocaleString('en-US')}.`
      if (!used.has(s)) {
        used.add(s)
        return s
      }
    }
  }
  return Array.from({ length: count }, (_, i) => {
    const sentences = Array.from({ length: sentencesEach }, sentence)
    const paragraphs: string[] = []
    for (let at = 0; at < sentences.length; ) {
      const take = 3 + Math.floor(rand() * 4)
      paragraphs.push(sentences.slice(at, at + take).join(' '))
      at += take
    }
    const headline = `${i % 10 === 0 ? '🚢 ' : ''}Shipping report ${i + 1}: ${pick(WHAT)} ${pick(WHERE)}`
    const date = `${1 + (i % 28)} March 2025`
    const url = i % 2 === 0 ? `\nhttps://news.example.org/shipping/report-${i + 1}` : ''
    return { name: `report-${String(i + 1).padStart(4, '0')}.txt`, text: `${headline}\n${date}${url}\n\n${paragraphs.join('\n\n')}\n`, sentences }
  })
}
