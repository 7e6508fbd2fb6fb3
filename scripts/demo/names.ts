/**
 * Built-in vocabulary for the demo org: people's names, company words, picklist values and
 * subjects. Small on purpose (no downloads); the generator combines them.
 */

/** A comma-separated word list written as a block of text. */
function list(text: string): readonly string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export const FIRST_NAMES: readonly string[] = list(`
  Aisha, Alejandro, Amara, Ana, Andrea, Anika, Arjun, Ben, Camille, Carlos, Chen, Chloé,
  Daniel, David, Diego, Elena, Emily, Emma, Fatima, Felix, Gabriel, Grace, Hana, Hannah,
  Hiroshi, Ingrid, Isabel, Ivan, James, Jana, Javier, Jia, João, Julia, Kenji, Kofi, Lars,
  Laura, Leila, Liam, Lucas, Lucía, Maria, Mateo, Mei, Michael, Mohammed, Nadia, Noah, Nora,
  Olivia, Omar, Paolo, Priya, Rafael, Rahul, Rosa, Samuel, Sara, Sofia, Sophie, Stefan, Takumi,
  Thomas, Valentina, Wei, Yuki, Zanele, Zoë
`);

export const LAST_NAMES: readonly string[] = list(`
  Abebe, Andersson, Bakker, Becker, Brown, Chen, Costa, Da Silva, Dubois, Fernández, Fischer,
  García, Gonzalez, Gupta, Hansen, Hernández, Ivanova, Jansen, Johnson, Kaur, Khan, Kim,
  Kowalski, Kumar, Larsen, Lee, Lopez, Martin, Martínez, Meyer, Mokoena, Moreau, Müller,
  Murphy, Nakamura, Nguyen, O'Brien, Okafor, Olsen, Patel, Pereira, Petrov, Ramírez, Rossi,
  Sato, Schmidt, Schneider, Silva, Singh, Smith, Suzuki, Tanaka, Taylor, Van Dijk, Wagner,
  Walsh, Wang, Williams, Wilson, Wong, Yamamoto, Zhang
`);

/** Company names are "<first word> <second word> <legal suffix of the billing country>". */
export const COMPANY_FIRST_WORDS: readonly string[] = list(`
  Acme, Apex, Atlas, Aurora, Blue Harbor, Bright, Cascade, Cedar, Crescent, Delta, Evergreen,
  Falcon, Frontier, Global, Granite, Harbor, Horizon, Iron, Keystone, Lakeside, Lumen,
  Meridian, Nimbus, Northwind, Nova, Oak & Ash, Orbit, Pacific, Pinnacle, Prairie, Quantum,
  Redwood, Riverbend, Sierra, Silverline, Summit, Sunrise, Terra, Trident, Vertex
`);

export const COMPANY_SECOND_WORDS: readonly string[] = list(`
  Analytics, Biotech, Capital, Components, Consulting, Dynamics, Energy, Engineering, Foods,
  Freight, Health, Holdings, Industries, Labs, Logistics, Manufacturing, Media, Medical,
  Networks, Partners, Pharma, Retail, Robotics, Software, Solutions, Systems, Technologies,
  Telecom, Textiles, Ventures
`);

export const INDUSTRIES: readonly string[] = list(`
  Technology, Manufacturing, Banking, Healthcare, Retail, Energy, Education, Media,
  Transportation, Consulting, Telecommunications, Government
`);

export const OPPORTUNITY_KINDS: readonly string[] = list(`
  New Business, Renewal, Upsell, Expansion, Pilot, Services
`);

/** Opportunity.NextStep values (a free-text field; reps write short phrases like these). */
export const NEXT_STEPS: readonly string[] = list(`
  Send proposal, Schedule demo, Follow-up call, Confirm budget, Negotiate terms, Legal review,
  Meet the economic buyer, Send revised quote, Security questionnaire, Book onsite workshop
`);

export const TASK_SUBJECTS: readonly string[] = list(`
  Call, Email, Send Letter, Send Quote, Follow up, Demo, Meeting prep, Discovery call,
  Contract review
`);

/** Includes values with commas and double quotes, as real subjects do (CSV quoting must cope). */
export const CASE_SUBJECTS: readonly string[] = [
  'Cannot log in to the portal',
  'Invoice amount does not match the quote',
  'Request for a product demo',
  'Export fails with error "INVALID_FIELD", please advise',
  'Data sync delayed',
  'Password reset link expired',
  'Feature request: bulk edit',
  'Shipment arrived damaged, need replacement',
  'Integration returns "401 Unauthorized"',
  'Question about renewal terms'
];

/** Lower-case ASCII for e-mail local parts and domains ('Zoë' → 'zoe', "O'Brien" → 'obrien'). */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
