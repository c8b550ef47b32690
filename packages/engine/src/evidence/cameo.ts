/**
 * The CAMEO event codes, their Goldstein values and their PLOVER categories.
 *
 * Sources:
 * - Codes and names: Schrodt, P.A. (2012), *CAMEO Conflict and Mediation Event Observations Event and
 *   Actor Codebook*, version 1.1b3, Penn State, chapter 6 (condensed list) and chapter 2 (verb codebook).
 *   Codes are strings: '010' is not '10'. The root ("cue") code is the first two digits.
 * - Goldstein values: GDELT's lookup `CAMEO.goldsteinscale.txt`, the table in practical use, which puts
 *   CAMEO 1.1b3 codes on the scale of Goldstein, J.S. (1992), "A Conflict-Cooperation Scale for WEIS
 *   Events Data", *Journal of Conflict Resolution* 36(2): 369-385 (-10 most conflictual .. +10 most
 *   cooperative). Codes GDELT gives no value (1213, and 155, 176, 1834, 1951, 1952, added in 1.1b3)
 *   take their parent code's value (`goldsteinInherited: true`).
 * - PLOVER: the CAMEO-to-PLOVER conversion table `CAMEO2PLOVER-2021.txt` (PLOVER manual draft 0.8,
 *   2021-09-17): category, mode and context. PLOVER drops CAMEO 01 (statements) and 02 (appeals), so
 *   those have no PLOVER category (`null`). Codes missing from the table take their parent's category.
 * - Quad classes (GDELT and ICEWS convention): 01-05 verbal cooperation, 06-08 material cooperation,
 *   09-13 verbal conflict, 14-20 material conflict.
 *
 * Brink's extension (docs/evidence.md, "Weapons tests"): CAMEO has no code for a weapons test. Tests
 * are usually coded 150 ("demonstrate military power"), and must never be coded 2042, which is the
 * detonation of a nuclear weapon *against a target*. Brink adds code 156 under root 15 with three
 * sub-codes; their Goldstein value is root 15's (-7.2) and their PLOVER category MOBILIZE, mode
 * "weapons" (context "cbrn" for nuclear tests). A consumer that does not know the extension can read
 * the root (15) or map 156x to 150.
 */

export interface CameoCode {
  /** The code as a string: '042', '1385'. */
  code: string;
  /** The 2-digit root (cue) code: '04'. */
  root: string;
  name: string;
  /** Goldstein (1992) value as GDELT's lookup gives it. */
  goldstein: number;
  /** True when GDELT gives no value and the parent code's value is used. */
  goldsteinInherited: boolean;
  /** PLOVER event category, or null (CAMEO 01, 02). */
  plover: string | null;
  ploverMode: string | null;
  ploverContext: string | null;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: 1 | 2 | 3 | 4;
  /** True for Brink's extension codes (not in CAMEO 1.1b3). */
  extension: boolean;
}

/** code|goldstein|plover|mode|context|name, from the sources above (blank goldstein: none published). */
const TABLE = `
01|0.0||||MAKE PUBLIC STATEMENT
010|0.0||||Make statement
011|-0.1||||Decline comment
012|-0.4||||Make pessimistic comment
013|0.4||||Make optimistic comment
014|0.0||||Consider policy option
015|0.0||||Acknowledge or claim responsibility
016|-2.0||||Deny responsibility
017|0.0||||Engage in symbolic act
018|3.4||||Make empathetic comment
019|3.4||||Express accord
02|3.0||||APPEAL
020|3.0||||Make an appeal or request
021|3.4||||Appeal for material cooperation
0211|3.4||||Appeal for economic cooperation
0212|3.4||||Appeal for military cooperation
0213|3.4||||Appeal for judicial cooperation
0214|3.4||||Appeal for intelligence
022|3.2||||Appeal for diplomatic cooperation (such as policy support)
023|3.4||||Appeal for aid
0231|3.4||||Appeal for economic aid
0232|3.4||||Appeal for military aid
0233|3.4||||Appeal for humanitarian aid
0234|3.4||||Appeal for military protection or peacekeeping
024|-0.3||||Appeal for political reform
0241|-0.3||||Appeal for change in leadership
0242|-0.3||||Appeal for policy change
0243|-0.3||||Appeal for rights
0244|-0.3||||Appeal for change in institutions, regime
025|-0.3||||Appeal to yield
0251|-0.3||||Appeal for easing of administrative sanctions
0252|-0.3||||Appeal for easing of political dissent
0253|-0.3||||Appeal for release of persons or property
0254|-0.3||||Appeal for easing of economic sanctions, boycott, or embargo
0255|-0.3||||Appeal for target to allow international involvement (non-mediation)
0256|-0.3||||Appeal for de-escalation of military engagement
026|4.0||||Appeal to others to meet or negotiate
027|4.0||||Appeal to others to settle dispute
028|4.0||||Appeal to engage in or accept mediation
03|4.0||||EXPRESS INTENT TO COOPERATE
030|4.0|AGREE||diplomatic|Express intent to cooperate
031|5.2|AGREE||diplomatic|Express intent to engage in material cooperation
0311|5.2|AGREE||economic|Express intent to cooperate economically
0312|5.2|AGREE||military|Express intent to cooperate militarily
0313|5.2|AGREE||legal|Express intent to cooperate on judicial matters
0314|5.2|AGREE||intelligence|Express intent to cooperate on intelligence
032|4.5|AGREE||diplomatic|Express intent to engage in diplomatic cooperation (such as policy support)
033|5.2|AGREE||diplomatic|Express intent to provide material aid
0331|5.2|AGREE||economic|Express intent to provide economic aid
0332|5.2|AGREE||military|Express intent to provide military aid
0333|5.2|AGREE||humanitarian|Express intent to provide humanitarian aid
0334|6.0|AGREE||peacekeeping|Express intent to provide military protection or peacekeeping
034|7.0|AGREE||political_institutions|Express intent to institute political reform
0341|7.0|AGREE||political_institutions|Express intent to change leadership
0342|7.0|AGREE||executive|Express intent to change policy
0343|7.0|AGREE||rights_freedoms|Express intent to provide rights
0344|7.0|AGREE||political_institutions|Express intent to change institutions, regime
035|7.0|AGREE|||Express intent to yield
0351|7.0|AGREE||rights_freedoms|Express intent to ease administrative sanctions
0352|7.0|AGREE|||Express intent to ease popular dissent
0353|7.0|AGREE||rights_freedoms|Express intent to release persons or property
0354|7.0|AGREE||economic|Express intent to ease economic sanctions, boycott, or embargo
0355|7.0|AGREE||diplomatic|Express intent to allow international involvement (non-mediation)
0356|7.0|AGREE||military|Express intent to de-escalate military engagement
036|4.0|AGREE||diplomatic|Express intent to meet or negotiate
037|5.0|AGREE||diplomatic|Express intent to settle dispute
038|7.0|AGREE||diplomatic|Express intent to accept mediation
039|5.0|AGREE||diplomatic|Express intent to mediate
04|1.0||||CONSULT
040|1.0|CONSULT|||Consult
041|1.0|CONSULT|phone||Discuss by telephone
042|1.9|CONSULT|visit||Make a visit
043|2.8|CONSULT|visit||Host a visit
044|2.5|CONSULT|third-party||Meet at a 'third' location
045|5.0|CONSULT||diplomatic|Mediate
046|7.0|CONSULT||diplomatic|Engage in negotiation
05|3.5||||ENGAGE IN DIPLOMATIC COOPERATION
050|3.5|SUPPORT||diplomatic|Engage in diplomatic cooperation
051|3.4|SUPPORT||diplomatic|Praise or endorse
052|3.5|SUPPORT||diplomatic|Defend verbally
053|3.8|SUPPORT||diplomatic|Rally support on behalf of
054|6.0|SUPPORT||diplomatic|Grant diplomatic recognition
055|7.0|SUPPORT||diplomatic|Apologize
056|7.0|SUPPORT||diplomatic|Forgive
057|8.0|SUPPORT||diplomatic|Sign formal agreement
06|6.0||||ENGAGE IN MATERIAL COOPERATION
060|6.0|COOPERATE|||Engage in material cooperation
061|6.4|COOPERATE||economic|Cooperate economically
062|7.4|COOPERATE||military|Cooperate militarily
063|7.4|COOPERATE||legal|Engage in judicial cooperation
064|7.0|COOPERATE||intelligence|Share intelligence or information
07|7.0||||PROVIDE AID
070|7.0|AID|||Provide aid
071|7.4|AID||economic|Provide economic aid
072|8.3|AID||military|Provide military aid
073|7.4|AID||humanitarian|Provide humanitarian aid
074|8.5|AID||peacekeeping|Provide military protection or peacekeeping
075|7.0|AID||asylum|Grant asylum
08|5.0||||YIELD
080|5.0|CONCEDE|||Yield
081|5.0|CONCEDE||legal|Ease administrative sanctions
0811|5.0|CONCEDE||democracy|Ease restrictions on political freedoms
0812|5.0|CONCEDE||democracy|Ease ban on political parties or politicians
0813|5.0|RETREAT||legal|Ease curfew
0814|5.0|RETREAT||legal|Ease state of emergency or martial law
082|5.0|CONCEDE||democracy|Ease political dissent
083|5.0|CONCEDE||political_institutions|Accede to requests or demands for political reform
0831|5.0|CONCEDE||political_institutions|Accede to demands for change in leadership
0832|5.0|CONCEDE||executive|Accede to demands for change in policy
0833|5.0|CONCEDE||rights_freedoms|Accede to demands for rights
0834|5.0|CONCEDE||political_institutions|Accede to demands for change in institutions, regime
084|7.0|RETREAT|||Return, release
0841|7.0|RETREAT|release|legal|Return, release person(s)
0842|7.0|RETREAT|return|legal|Return, release property
085|7.0|RETREAT|ease|economic|Ease economic sanctions, boycott, embargo
086|9.0|RETREAT|access|diplomatic|Allow international involvement
0861|9.0|RETREAT|access|peacekeeping|Receive deployment of peacekeepers
0862|9.0|RETREAT|access|diplomatic|Receive inspectors
0863|9.0|RETREAT|access|humanitarian|Allow humanitarian access
087|9.0|RETREAT|disarm|military|De-escalate military engagement
0871|9.0|RETREAT|ceasefire|military|Declare truce, ceasefire
0872|9.0|RETREAT|withdraw|military|Ease military blockade
0873|9.0|RETREAT|disarm|military|Demobilize armed forces
0874|10.0|RETREAT|disarm|military|Retreat or surrender militarily
09|-2.0||||INVESTIGATE
090|-2.0|ACCUSE|investigate||Investigate
091|-2.0|ACCUSE|investigate|crime;corruption|Investigate crime, corruption
092|-2.0|ACCUSE|investigate|human_rights|Investigate human rights abuses
093|-2.0|ACCUSE|investigate|military|Investigate military action
094|-2.0|ACCUSE|investigate|military;legal|Investigate war crimes
10|-5.0||||DEMAND
100|-5.0|REQUEST|||Demand
101|-5.0|REQUEST|assist||Demand material cooperation
1011|-5.0|REQUEST|assist|economic|Demand economic cooperation
1012|-5.0|REQUEST|assist|military|Demand military cooperation
1013|-5.0|REQUEST|assist|legal|Demand judicial cooperation
1014|-5.0|REQUEST|assist|intelligence|Demand intelligence cooperation
102|-5.0|REQUEST|assist|diplomatic|Demand diplomatic cooperation (such as policy support)
103|-5.0|REQUEST|assist||Demand material aid
1031|-5.0|REQUEST|assist|economic|Demand economic aid
1032|-5.0|REQUEST|assist|military|Demand military aid
1033|-5.0|REQUEST|assist|humanitarian|Demand humanitarian aid
1034|-5.0|REQUEST|assist|peacekeeping|Demand military protection or peacekeeping
104|-5.0|REQUEST|change|political_institutions|Demand political reform
1041|-5.0|REQUEST|change|executive|Demand change in leadership
1042|-5.0|REQUEST|change|executive|Demand policy change
1043|-5.0|REQUEST|change|rights_freedoms|Demand rights
1044|-5.0|REQUEST|change|political_institutions|Demand change in institutions, regime
105|-5.0|REQUEST|change|legal|Demand that target yields
1051|-5.0|REQUEST|yield|legal|Demand easing of administrative sanctions
1052|-5.0|REQUEST|yield|legal|Demand easing of political dissent
1053|-5.0|REQUEST|yield|legal|Demand release of persons or property
1054|-5.0|REQUEST|yield|economic|Demand easing of economic sanctions, boycott, or embargo
1055|-5.0|REQUEST|yield|diplomatic|Demand that target allows international involvement (non-mediation)
1056|-5.0|REQUEST|yield|military|Demand de-escalation of military engagement
106|-5.0|REQUEST|meet|diplomatic|Demand meeting, negotiation
107|-5.0|REQUEST|meet|diplomatic|Demand settling of dispute
108|-5.0|REQUEST|meet|diplomatic|Demand mediation
11|-2.0||||DISAPPROVE
110|-2.0|ACCUSE|disapprove||Disapprove
111|-2.0|ACCUSE|disapprove||Criticize or denounce
112|-2.0|ACCUSE|disapprove||Accuse
1121|-2.0|ACCUSE|allege|crime;corruption|Accuse of crime, corruption
1122|-2.0|ACCUSE|allege|human_rights|Accuse of human rights abuses
1123|-2.0|ACCUSE|allege|military|Accuse of aggression
1124|-2.0|ACCUSE|allege|military;legal|Accuse of war crimes
1125|-2.0|ACCUSE|allege|legal|Accuse of espionage, treason
113|-2.0|ACCUSE|disapprove||Rally opposition against
114|-2.0|ACCUSE|allege|diplomatic|Complain officially
115|-2.0|ACCUSE|allege|legal|Bring lawsuit against
116|-2.0|ACCUSE|disapprove|legal|find guilty or liable (legally)
12|-4.0||||REJECT
120|-4.0|REJECT|||Reject
121|-4.0|REJECT|assist||Reject material cooperation
1211|-4.0|REJECT|assist|economic|Reject economic cooperation
1212|-4.0|REJECT|assist|military|Reject military cooperation
1213||REJECT|assist|legal|Reject judicial cooperation
122|-4.0|REJECT|assist||Reject request or demand for material aid
1221|-4.0|REJECT|assist|economic|Reject request for economic aid
1222|-4.0|REJECT|assist|military|Reject request for military aid
1223|-4.0|REJECT|assist|humanitarian|Reject request for humanitarian aid
1224|-4.0|REJECT|assist|peacekeeping|Reject request for military protection or peacekeeping
123|-4.0|REJECT|change|political_institutions|Reject request or demand for political reform
1231|-4.0|REJECT|change|executive|Reject request for change in leadership
1232|-4.0|REJECT|change|executive|Reject request for policy change
1233|-4.0|REJECT|change|rights_freedoms|Reject request for rights
1234|-4.0|REJECT|change|political_institutions|Reject request for change in institutions, regime
124|-4.0|REJECT|change||Refuse to yield
1241|-4.0|REJECT|change|executive|Refuse to ease administrative sanctions
1242|-4.0|REJECT|change||Refuse to ease popular dissent
1243|-4.0|REJECT|yield|legal|Refuse to release persons or property
1244|-4.0|REJECT|yield|economic|Refuse to ease economic sanctions, boycott, or embargo
1245|-4.0|REJECT|yield|diplomatic|Refuse to allow international involvement (non mediation)
1246|-4.0|REJECT|yield|military|Refuse to de-escalate military engagement
125|-5.0|REJECT|meet|diplomatic|Reject proposal to meet, discuss, or negotiate
126|-5.0|REJECT|meet|diplomatic|Reject mediation
127|-5.0|REJECT|meet|diplomatic|Reject plan, agreement to settle dispute
128|-5.0|REJECT|yield|legal|Defy norms, law
129|-5.0|REJECT|yield|diplomatic|Veto
13|-6.0||||THREATEN
130|-4.4|THREATEN|||Threaten
131|-5.8|THREATEN|||Threaten non-force
1311|-5.8|THREATEN|relations||Threaten to reduce or stop aid
1312|-5.8|THREATEN|restrict|economic|Threaten with sanctions, boycott, embargo
1313|-5.8|THREATEN|relations|diplomatic|Threaten to reduce or break relations
132|-5.8|THREATEN|ban|executive|Threaten with administrative sanctions
1321|-5.8|THREATEN|political|human_rights|Threaten with restrictions on political freedoms
1322|-5.8|THREATEN|ban|pro_autocracy|Threaten to ban political parties or politicians
1323|-5.8|THREATEN|restrict|pro_autocracy|Threaten to impose curfew
1324|-5.8|THREATEN|restrict|pro_autocracy|Threaten to impose state of emergency or martial law
133|-5.8|THREATEN|relations||Threaten with political dissent, protest
134|-5.8|THREATEN|relations|diplomatic|Threaten to halt negotiations
135|-5.8|THREATEN|relations|diplomatic|Threaten to halt mediation
136|-7.0|THREATEN|expel|diplomatic|Threaten to halt international involvement (non-mediation)
137|-7.0|THREATEN|violence|pro_autocracy|Threaten with repression
138|-7.0|THREATEN|violence|military|Threaten with military force
1381|-7.0|THREATEN|restrict|military|Threaten blockade
1382|-7.0|THREATEN|territory|military|Threaten occupation
1383|-7.0|THREATEN|violence|military|Threaten unconventional violence
1384|-7.0|THREATEN|violence|military|Threaten conventional attack
1385|-7.0|THREATEN|violence|cbrn|Threaten attack with WMD
139|-7.0|THREATEN|relations|diplomatic|Give ultimatum
14|-6.5||||PROTEST
140|-6.5|PROTEST|||Engage in political dissent
141|-6.5|PROTEST|demo||Demonstrate or rally
1411|-6.5|PROTEST|demo|executive|Demonstrate for leadership change
1412|-6.5|PROTEST|demo|executive|Demonstrate for policy change
1413|-6.5|PROTEST|demo|rights_freedoms|Demonstrate for rights
1414|-6.5|PROTEST|demo|political_institutions|Demonstrate for change in institutions, regime
142|-6.5|PROTEST|hunger||Conduct hunger strike
1421|-6.5|PROTEST|hunger|executive|Conduct hunger strike for leadership change
1422|-6.5|PROTEST|hunger|executive|Conduct hunger strike for policy change
1423|-6.5|PROTEST|hunger|rights_freedoms|Conduct hunger strike for rights
1424|-6.5|PROTEST|hunger|political_institutions|Conduct hunger strike for change in institutions, regime
143|-6.5|PROTEST|boycott||Conduct strike or boycott
1431|-6.5|PROTEST|boycott|executive|Conduct strike or boycott for leadership change
1432|-6.5|PROTEST|boycott|executive|Conduct strike or boycott for policy change
1433|-6.5|PROTEST|boycott|rights_freedoms|Conduct strike or boycott for rights
1434|-6.5|PROTEST|boycott|political_institutions|Conduct strike or boycott for change in institutions, regime
144|-7.5|PROTEST|obstruct||Obstruct passage, block
1441|-7.5|PROTEST|obstruct|executive|Obstruct passage to demand leadership change
1442|-7.5|PROTEST|obstruct|executive|Obstruct passage to demand policy change
1443|-7.5|PROTEST|obstruct|rights_freedoms|Obstruct passage to demand rights
1444|-7.5|PROTEST|obstruct|political_institutions|Obstruct passage to demand change in institutions, regime
145|-7.5|PROTEST|riot||Protest violently, riot
1451|-7.5|PROTEST|riot|executive|Engage in violent protest for leadership change
1452|-7.5|PROTEST|riot|executive|Engage in violent protest for policy change
1453|-7.5|PROTEST|riot|rights_freedoms|Engage in violent protest for rights
1454|-7.5|PROTEST|riot|political_institutions|Engage in violent protest for change in institutions, regime
15|-7.2||||EXHIBIT FORCE POSTURE
150|-7.2|MOBILIZE|||Demonstrate military or police power
151|-7.2|MOBILIZE|police||Increase police alert status
152|-7.2|MOBILIZE|troops|military|Increase military alert status
153|-7.2|MOBILIZE|police||Mobilize or increase police power
154|-7.2|MOBILIZE|troops|military|Mobilize or increase armed forces
16|-4.0||||REDUCE RELATIONS
160|-4.0|SANCTION|||Reduce relations
161|-4.0|SANCTION|withdraw|diplomatic|Reduce or break diplomatic relations
162|-5.6|SANCTION|discontinue|human_security|Reduce or stop material aid
1621|-5.6|SANCTION|discontinue|economic|Reduce or stop economic assistance
1622|-5.6|SANCTION|discontinue|military|Reduce or stop military assistance
1623|-5.6|SANCTION|discontinue|humanitarian|Reduce or stop humanitarian assistance
163|-8.0|COERCE|restrict|diplomatic|Impose embargo, boycott, or sanctions
164|-7.0|SANCTION|withdraw|diplomatic|Halt negotiations
165|-6.5|SANCTION|withdraw|diplomatic|Halt mediation
166|-7.0|SANCTION|expel|diplomatic|Expel or withdraw
1661|-7.0|SANCTION|expel|military|Expel or withdraw peacekeepers
1662|-7.0|SANCTION|expel|diplomatic|Expel or withdraw inspectors, observers
1663|-7.0|SANCTION|expel|human_security|Expel or withdraw aid agencies
17|-7.0||||COERCE
170|-7.0|COERCE|||Coerce
171|-9.2|COERCE|seize|human_security|Seize or damage property
1711|-9.2|COERCE|seize|human_security|Confiscate property
1712|-9.2|ASSAULT|seize|human_security|Destroy property
172|-5.0|COERCE|restrict|executive|Impose administrative sanctions
1721|-5.0|COERCE|restrict|rights_freedoms|Impose restrictions on political freedoms
1722|-5.0|COERCE|ban|pro_autocracy|Ban political parties or politicians
1723|-5.0|COERCE|curfew|pro_autocracy|Impose curfew
1724|-5.0|COERCE|martial-law|pro_autocracy|Impose state of emergency or martial law
173|-5.0|COERCE|arrest|legal|Arrest, detain, or charge with legal action
174|-5.0|COERCE|deport|legal|Expel or deport individuals
175|-9.0|ASSAULT|pro_autocracy|military|Use tactics of violent repression
18|-9.0||||ASSAULT
180|-9.0|ASSAULT|||Use unconventional violence
181|-9.0|ASSAULT|abduct||Abduct, hijack, or take hostage
182|-9.5|ASSAULT|beat||Physically assault
1821|-9.0|ASSAULT|sexual||Sexually assault
1822|-9.0|ASSAULT|torture||Torture
1823|-10.0|ASSAULT|||Kill by physical assault
183|-10.0|ASSAULT|suicide-attack||Conduct suicide, car, or other non-military bombing
1831|-10.0|ASSAULT|suicide-attack||Carry out suicide bombing
1832|-10.0|ASSAULT|explosives||Carry out car bombing
1833|-10.0|ASSAULT|explosives||Carry out roadside bombing
184|-8.0|ASSAULT|abduct||Use as human shield
185|-8.0|ASSAULT|assassinate||Attempt to assassinate
186|-10.0|ASSAULT|assassinate||Assassinate
19|-10.0||||FIGHT
190|-10.0|ASSAULT||military|Use conventional military force
191|-9.5|COERCE|restrict|military|Impose blockade, restrict movement
192|-9.5|COERCE|seize|military|Occupy territory
193|-10.0|ASSAULT|firearms|military|fight with small arms and light weapons
194|-10.0|ASSAULT|heavy-weapons|military|fight with artillery and tanks
195|-10.0|ASSAULT|heavy-weapons|military|Employ aerial weapons
196|-9.5|ASSAULT||legal;military|Violate ceasefire
20|-10.0||||USE UNCONVENTIONAL MASS VIOLENCE
200|-10.0|ASSAULT|massacre|military|Use unconventional mass violence
201|-9.5|ASSAULT|cleansing|religion_ethnicity|Engage in mass expulsion
202|-10.0|ASSAULT|massacre|religion_ethnicity|Engage in mass killings
203|-10.0|ASSAULT|cleansing|religion_ethnicity|Engage in ethnic cleansing
204|-10.0|ASSAULT|unconventional|cbrn|Use weapons of mass destruction
2041|-10.0|ASSAULT|unconventional|cbrn|Use chemical, biological, or radiological weapons
2042|-10.0|ASSAULT|unconventional|cbrn|Detonate nuclear weapons
155|||||Mobilize or increase cyber-forces
176|||||Attack cybernetically
1834|||||Carry out location bombing
1951|||||Employ precision-guided aerial munitions
1952|||||Employ remotely piloted aerial munitions
156||MOBILIZE|weapons|military|Conduct weapons test (Brink extension)
1561||MOBILIZE|weapons|military|Test-fire or launch a missile or rocket (Brink extension)
1562||MOBILIZE|weapons|cbrn|Conduct a nuclear test explosion (Brink extension)
1563||MOBILIZE|weapons|military|Test another weapons system (Brink extension)
`;

/** Brink's extension codes (see the header). */
export const EXTENSION_CODES: readonly string[] = ['156', '1561', '1562', '1563'];

function quadOf(root: number): 1 | 2 | 3 | 4 {
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

function build(): Map<string, CameoCode> {
  const raw = new Map<string, string[]>();
  for (const line of TABLE.split('\n')) {
    if (!line.trim()) continue;
    const parts = line.split('|');
    raw.set(parts[0]!, parts);
  }
  const out = new Map<string, CameoCode>();
  const parentOf = (code: string): string | undefined => (code.length === 4 ? code.slice(0, 3) : code.length === 3 ? code.slice(0, 2) : undefined);
  const resolve = (code: string): CameoCode => {
    const done = out.get(code);
    if (done) return done;
    const [, g, plover, mode, context, name] = raw.get(code)!;
    const parent = parentOf(code);
    const parentCode = parent !== undefined && raw.has(parent) ? resolve(parent) : undefined;
    const root = code.slice(0, 2);
    const inherited = g === '' || g === undefined;
    const rootNumber = Number(root);
    const entry: CameoCode = {
      code,
      root,
      name: name!,
      goldstein: inherited ? (parentCode?.goldstein ?? 0) : Number(g),
      goldsteinInherited: inherited,
      plover: plover ? plover : rootNumber <= 2 ? null : (parentCode?.plover ?? null),
      ploverMode: plover ? mode || null : null,
      ploverContext: plover ? context || null : code.length > 2 && rootNumber > 2 ? (parentCode?.ploverContext ?? null) : null,
      quad: quadOf(rootNumber),
      extension: EXTENSION_CODES.includes(code),
    };
    out.set(code, entry);
    return entry;
  };
  for (const code of raw.keys()) resolve(code);
  // Root codes carry the PLOVER category of their residual code (04 -> 040's CONSULT).
  for (const [code, entry] of out) {
    if (code.length === 2 && entry.plover === null && Number(code) > 2) {
      const residual = out.get(`${code}0`);
      if (residual) out.set(code, { ...entry, plover: residual.plover });
    }
  }
  return out;
}

let table: Map<string, CameoCode> | undefined;

/** The code's entry, or undefined for a string that is not a CAMEO (or extension) code. */
export function cameoCode(code: string): CameoCode | undefined {
  table ??= build();
  return table.get(code);
}

/** Every code, in codebook order. */
export function cameoCodes(): CameoCode[] {
  table ??= build();
  return [...table.values()];
}

/** The entry of a code known to exist (lexicons are checked against the table by tests). */
export function requireCameoCode(code: string): CameoCode {
  const entry = cameoCode(code);
  if (!entry) throw new Error(`not a CAMEO code: ${code}`);
  return entry;
}
