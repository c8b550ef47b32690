/**
 * CAMEO's verbal acts take their sub-code from what they are about: an appeal for talks is 026, a
 * demand for a withdrawal 1056, a refusal to release prisoners 1243, a threat to halt negotiations
 * 134. This file maps the code of the act that is appealed for, demanded, refused, threatened or
 * promised (the "content") to the speech act's code, and an act that is stopped, cancelled or called
 * off to the code of its reversal (calling off a strike is 082, cancelling a visit 161).
 *
 * Source: CAMEO 1.1b3 (Schrodt 2012), chapter 2: the parallel structure of roots 02 (appeal), 03
 * (intent), 10 (demand) and 12 (reject), whose sub-codes follow the cooperative roots 04-08 (e.g. 021
 * "appeal for material cooperation" mirrors 06, 023 "appeal for aid" mirrors 07, 025x "appeal to yield"
 * mirrors 08x), and the usage notes of 082 ("ease political dissent": ending a protest or strike), 161
 * (cancelling visits), 164 (halting negotiations) and 087 (de-escalation). The future-tense rule for
 * roots 03 and 13 is ./modality.ts (`futureCode`).
 */

/** 02x (appeal) or 10x (demand) for a content code, or undefined when the content does not select one. */
export function requestCode(root: '02' | '10', content: string): string | undefined {
  const sub = REQUEST_BY_CONTENT[content] ?? REQUEST_BY_CONTENT[content.slice(0, 3)] ?? REQUEST_BY_CONTENT[content.slice(0, 2)];
  if (sub === undefined) return undefined;
  return root === '02' ? `02${sub}` : `10${sub}`;
}

// The digits after the root: appeal 02 + '6' = 026, demand 10 + '6' = 106.
const REQUEST_BY_CONTENT: Record<string, string> = {
  '04': '6', '036': '6', '045': '8', '038': '8', '039': '8', '037': '7', '057': '7',
  '05': '2', '032': '2',
  '06': '1', '060': '1', '031': '1', '061': '11', '062': '12', '063': '13', '064': '14', '0311': '11', '0312': '12', '0313': '13', '0314': '14',
  '07': '3', '033': '3', '071': '31', '072': '32', '073': '33', '074': '34', '0331': '31', '0332': '32', '0333': '33', '0334': '34',
  '034': '4', '0341': '41', '0342': '42', '0343': '43', '0344': '44',
  '08': '5', '035': '5', '080': '5', '081': '51', '0811': '51', '0812': '51', '0813': '51', '0814': '51', '082': '52', '083': '4', '0831': '41', '0832': '42', '0833': '43', '0834': '44',
  '084': '53', '0841': '53', '0842': '53', '085': '54', '086': '55', '0861': '55', '0862': '55', '0863': '55', '087': '56', '0871': '56', '0872': '56', '0873': '56', '0874': '56',
  '0351': '51', '0352': '52', '0353': '53', '0354': '54', '0355': '55', '0356': '56',
};

/** 12x (reject, refuse) for a refused content code. */
export function rejectionCode(content: string): string {
  const three = content.slice(0, 3);
  const root = content.slice(0, 2);
  if (three === '045' || three === '038' || three === '039') return '126';
  if (three === '037' || three === '057') return '127';
  if (root === '04' || three === '036') return '125';
  if (content === '061' || content === '0311') return '1211';
  if (content === '062' || content === '0312') return '1212';
  if (content === '063' || content === '0313') return '1213';
  if (root === '06' || three === '031') return '121';
  if (content === '071' || content === '0331') return '1221';
  if (content === '072' || content === '0332') return '1222';
  if (content === '073' || content === '0333') return '1223';
  if (content === '074' || content === '0334') return '1224';
  if (root === '07' || three === '033') return '122';
  if (three === '083' || three === '034') return content.length === 4 ? `123${content[3]}` : '123';
  const yieldSub: Record<string, string> = { '081': '1241', '082': '1242', '084': '1243', '085': '1244', '086': '1245', '087': '1246', '0351': '1241', '0352': '1242', '0353': '1243', '0354': '1244', '0355': '1245', '0356': '1246' };
  if (yieldSub[three] ?? yieldSub[content]) return yieldSub[content] ?? yieldSub[three]!;
  if (root === '08' || three === '035') return '124';
  return '120';
}

/** 11x for what an accusation or criticism is about (accused of attacking = 1123). */
export function accusationCode(content: string): string | undefined {
  const root = content.slice(0, 2);
  if (root === '20') return '1124';
  if (root === '18' || root === '19' || content === '1123') return '1123';
  if (content === '175' || content === '1822' || content === '1821') return '1122';
  if (root === '17') return '1121';
  return undefined;
}

/**
 * The code of stopping, cancelling or calling off an act (or undefined when CAMEO has none): calling
 * off a strike or protest 082, cancelling a visit 161, halting talks 164, halting mediation 165,
 * stopping attacks or exercises 087, lifting sanctions 085, a blockade 0872, a curfew or martial law
 * 081, stopping aid 162, cooperation 160, releasing detainees 084.
 */
export function reversalCode(code: string): string | undefined {
  const root = code.slice(0, 2);
  const three = code.slice(0, 3);
  if (root === '14') return '082';
  if (three === '042' || three === '043') return '161';
  if (three === '045') return '165';
  if (root === '04' || three === '036') return '164';
  if (three === '163') return '085';
  if (three === '191' || code === '1381') return '0872';
  if (three === '172') return '081';
  if (three === '173') return '084';
  if (root === '07' || three === '033') return '162';
  if (root === '06' || three === '031') return '160';
  if (root === '15' || root === '18' || root === '19' || three === '138') return '087';
  if (three === '166') return '086';
  return undefined;
}
