/**
 * Articles written for the tests (invented events, real places): an original report, a
 * republication of it under a new introduction, a paraphrase of it, and two different
 * stories about Tartus that share its names and places but not its reporting.
 * Test support only; nothing in the app imports this module.
 */

/** The original report: a ship, a named official, numbers, a sequence of events. */
export const ORIGINAL = [
  'Russian landing ship leaves Tartus with armoured vehicles after week of delays',
  '',
  'The Russian landing ship Alexander Otrakovsky sailed from Tartus on Friday morning carrying at least forty armoured vehicles and two dismantled radar stations, port workers said.',
  'The vessel had waited nine days at anchor outside the breakwater before Syrian officials allowed it to berth at the military pier.',
  'Bilal Haddad, the new director of the port authority, told reporters that the permit was granted only after a Russian officer handed over an inventory of every crate.',
  'Haddad said his inspectors opened seventeen containers and found spare parts for Pantsir air defence systems, field kitchens and a mobile hospital.',
  'A convoy of refrigerated trucks had brought the last of the equipment from the Khmeimim air base on Thursday night, escorted by military police in white pickups.',
  'Residents of the Mina district said the convoy blocked the coastal road for almost three hours and that traffic queued back to the old fish market.',
  'The ship is expected to pass through the Bosporus within six days, according to a maritime tracking service that follows Russian naval logistics.',
  'Analysts in Beirut said the departure was the largest single shipment since the fall of the Assad government in December.',
  'A diplomat in Damascus described the inventory demand as a test of how far the new authorities are willing to assert control over the harbour.',
  'Moscow has not said how many of its roughly two thousand personnel remain at the naval facility, which it leased in 2017 for forty-nine years.',
  'Haddad added that a second vessel, the cargo ship Sparta II, had asked for permission to dock next week and would be inspected under the same rules.',
].join('\n')

/** The same report republished under a new two-paragraph introduction, lightly trimmed. */
export const REPUBLISHED = [
  'Editor’s note: we republish this dispatch from our partner agency because it shows how the new authorities handle Russian requests.',
  '',
  'Our correspondent in Latakia adds that fishermen in the port were kept out of the harbour for the whole morning while the ship was loaded.',
  '',
  ...ORIGINAL.split('\n').slice(2, 12),
].join('\n')

/** The report reworded: synonyms swapped, sentences restructured, the same facts in the same order. */
export const PARAPHRASE = [
  'On Friday the Russian amphibious vessel Alexander Otrakovsky departed the port of Tartus, loaded with no fewer than forty armored vehicles as well as two radar stations taken apart for transport, according to dock staff.',
  'For nine days the ship had been kept at anchor beyond the breakwater until Syrian authorities let it moor at the military quay.',
  'According to Bilal Haddad, who now heads the port authority, the permission came only once a Russian officer supplied a list of the contents of each crate.',
  'His inspectors, Haddad explained, opened seventeen containers and discovered spare parts for Pantsir air-defense systems, mobile kitchens and a field hospital.',
  'The final equipment arrived from Khmeimim air base late on Thursday aboard a convoy of refrigerated lorries guarded by military police driving white pickup trucks.',
  'People living in the Mina neighbourhood complained that the column shut the coastal highway for nearly three hours, with cars backed up to the old fish market.',
  'A maritime tracking service that monitors Russian naval logistics expects the ship to cross the Bosporus in under six days.',
  'Beirut-based analysts called it the biggest single consignment to leave since Assad’s government collapsed in December.',
  'One Damascus diplomat said the inventory requirement tests how far the new rulers intend to assert authority over the harbour.',
  'Moscow has not disclosed how many of the approximately two thousand personnel are still at the naval facility, leased in 2017 for a term of forty-nine years.',
  'Haddad also said that Sparta II, a second Russian cargo ship, had requested permission to dock next week and would face the same inspection rules.',
].join('\n')

/** A different story about Tartus: the civilian port and a customs deal. Same names and places, different reporting. */
export const TARTUS_TRADE = [
  'Tartus port reopens to grain ships as Damascus signs customs deal',
  '',
  'The civilian terminal of Tartus port reopened to commercial traffic on Monday after the transitional government in Damascus signed a customs agreement with a Turkish logistics company.',
  'Officials said the first bulk carrier to berth, flying a Maltese flag, unloaded twenty-eight thousand tonnes of Black Sea wheat bound for mills in Homs and Hama.',
  'The trade ministry said tariffs on flour and cooking oil would be suspended for three months to bring down bread prices in the coastal provinces.',
  'Ahmad al-Sharaa, the interim president, visited the terminal in the afternoon and promised dockworkers that unpaid wages from the Assad era would be settled by the end of the month.',
  'The Russian naval facility in the northern part of the harbour was not part of the agreement, a ministry spokesman said, and its future would be discussed separately with Moscow.',
  'Shipping agents in Latakia welcomed the reopening but warned that insurance premiums for vessels calling at Syrian ports remained three times higher than before the war.',
  'The Turkish company, which already operates container terminals in Mersin, will invest in new cranes and a cold store for citrus exports, according to the signed memorandum.',
  'Farmers from the Tartus countryside said they hope to ship oranges to Gulf markets before the end of the season.',
  'Customs officers are being retrained under the deal, and paper forms will be replaced by an electronic clearance system within a year.',
  'The ministry said the port of Latakia would follow in the spring if the Tartus arrangement works.',
].join('\n')

/** Another different story: a Russian delegation's talks, again with Tartus, Khmeimim and the same leaders. */
export const TARTUS_TALKS = [
  'Russian delegation in Damascus discusses future of Tartus and Khmeimim bases',
  '',
  'A Russian delegation led by deputy foreign minister Mikhail Bogdanov held talks in Damascus on Tuesday with Ahmad al-Sharaa about the future of the Tartus naval base and the Khmeimim air base.',
  'It was the first visit by senior Russian officials since the fall of Bashar al-Assad, who fled to Moscow in December.',
  'Syrian officials said the new authorities raised the question of compensation for damage caused by Russian air strikes during the civil war.',
  'The Russian side offered to help rebuild power stations and to resume wheat deliveries that were interrupted after the change of government.',
  'Neither side mentioned the ships Sparta and Sparta II, which have carried Russian military equipment out of Tartus in recent weeks.',
  'A statement from the Syrian presidency said relations would be built on respect for the choices of the Syrian people and for the country’s sovereignty.',
  'The Kremlin spokesman described the talks as constructive and said contacts would continue at the level of experts.',
  'Diplomats in Beirut said Moscow hopes to keep at least a reduced presence at Khmeimim to supply its operations in Libya and the Sahel.',
  'HTS commanders in Latakia province have so far kept their fighters away from the perimeter of both bases.',
  'No date was announced for a second round of talks.',
].join('\n')
