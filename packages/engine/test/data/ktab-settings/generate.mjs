#!/usr/bin/env node
/**
 * Regenerates KTAB's own SMP runs with non-default model switches (the data in this folder; see
 * README.md). Needs a KTAB checkout built with harness/build-ktab.sh (smpc and harness/ktab-dump).
 *
 *   node packages/engine/test/data/ktab-settings/generate.mjs --ktab /path/to/ktab [--only REGEX]
 *        [--repeat 3] [--stochastic-runs 10] [--work /tmp/ktab-settings-runs]
 *
 * For every case (an input CSV of inputs/ and a set of switches) it writes xml/<case>.xml (the
 * CSV's scenario with a <ModelParameters> block and an identity <IdealAdjustment>, which this KTAB
 * version requires), runs
 *   smpc --xml xml/<case>.xml --logmin --connstr "Driver=QSQLITE;Database=<work>/<case>/smpc"
 * and reads the switches KTAB recorded (table ScenarioDesc) and the per-turn positions (table
 * VectorPosition), then runs harness/ktab-dump (the same entry point, SMPModel::runModel, printing
 * the state history at full precision plus the per-turn position probabilities) `repeat` times.
 * The case is deterministic when all runs agree exactly (and with smpc's database); the Stochastic
 * cases are run `stochastic-runs` times and recorded as nondeterministic with every run's outcome.
 * Output: expected/<case>.json.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const here = path.dirname(fileURLToPath(import.meta.url));
const KTAB_COMMIT = 'c57b72a0743e8e88da128552c6f8e6459645c53e';

// ---------------------------------------------------------------------------------------------
// The matrix of cases.

/** Brink's switch names and values (packages/engine/src/bargaining/smp/types.ts). */
const SWITCH_VALUES = {
  victoryProbModel: ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'],
  pceModel: ['Conditional', 'MarkovIncentive', 'MarkovUniform'],
  stateTransition: ['Deterministic', 'Stochastic'],
  votingRule: ['Proportional', 'Binary', 'PropBin', 'PropCbc', 'Cubic', 'ASymProsp'],
  riskRange: ['Min', 'Mid', 'Max'],
  riskAdjust: ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'],
  thirdPartyCommit: ['NoCommit', 'SemiCommit', 'FullCommit'],
  bargainInterpolation: ['S1P1', 'S2P2', 'S2PMax'],
  bargainModel: ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'],
};
const DEFAULTS = {
  victoryProbModel: 'Linear',
  pceModel: 'Conditional',
  stateTransition: 'Deterministic',
  votingRule: 'Proportional',
  riskRange: 'Mid',
  riskAdjust: 'OneThird',
  thirdPartyCommit: 'SemiCommit',
  bargainInterpolation: 'S2P2',
  bargainModel: 'InitOnlyInterp',
};

/** KTAB's XML element and enum names, in KTAB's enum order (kmodel.h, smp.h). */
const KTAB_SWITCHES = {
  victoryProbModel: { xml: 'VictoryProbModel', db: 'VictoryProbModel', names: ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] },
  pceModel: { xml: 'PCEModel', db: 'ProbCondorcetElection', names: ['Conditional', 'MarkovIncentive', 'MarkovUniform'] },
  stateTransition: { xml: 'StateTransitions', db: 'StateTransition', names: ['Deterministic', 'Stochastic'] },
  votingRule: { xml: 'VotingRule', db: 'VotingRule', names: ['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'] },
  riskAdjust: { xml: 'BigRAdjust', db: 'BigRAdjust', names: ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'] },
  riskRange: { xml: 'BigRRange', db: 'BigRRange', names: ['Min', 'Mid', 'Max'] },
  thirdPartyCommit: { xml: 'ThirdPartyCommit', db: 'ThirdPartyCommit', names: ['NoCommit', 'SemiCommit', 'FullCommit'] },
  bargainInterpolation: { xml: 'InterVecBrgn', db: 'InterVecBrgn', names: ['S1P1', 'S2P2', 'S2PMax'] },
  bargainModel: { xml: 'BargnModel', db: 'BargnModel', names: ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] },
};
const toKtab = (key, value) => (key === 'votingRule' && value === 'Proportional' ? 'Prop' : value);
const fromKtab = (key, value) => (key === 'votingRule' && value === 'Prop' ? 'Proportional' : value);

/**
 * Combinations of several non-default switches (fixed; together they cover every value KTAB runs
 * deterministically again; riskAdjust Full and votingRule ASymProsp are left out, see README).
 */
const COMBOS = {
  'combo-smpExample': { pceModel: 'MarkovIncentive', votingRule: 'PropCbc' },
  'combo-1': {
    victoryProbModel: 'Square', pceModel: 'MarkovUniform', votingRule: 'Binary', riskRange: 'Max',
    riskAdjust: 'TwoThirds', thirdPartyCommit: 'NoCommit', bargainInterpolation: 'S1P1', bargainModel: 'InitRcvrInterp',
  },
  'combo-2': {
    victoryProbModel: 'Quartic', pceModel: 'MarkovIncentive', votingRule: 'PropBin', riskRange: 'Min',
    riskAdjust: 'Half', thirdPartyCommit: 'FullCommit', bargainInterpolation: 'S2PMax', bargainModel: 'PWCompInterp',
  },
  'combo-3': { victoryProbModel: 'Octic', votingRule: 'Cubic', riskAdjust: 'TwoThirds', thirdPartyCommit: 'NoCommit', bargainModel: 'InitRcvrInterp' },
  'combo-4': {
    victoryProbModel: 'Binary', pceModel: 'MarkovUniform', votingRule: 'PropBin', riskRange: 'Max', riskAdjust: 'None',
    thirdPartyCommit: 'FullCommit', bargainInterpolation: 'S1P1', bargainModel: 'PWCompInterp',
  },
  'combo-5': { pceModel: 'MarkovIncentive', votingRule: 'PropCbc', riskRange: 'Min', bargainInterpolation: 'S2PMax', bargainModel: 'InitRcvrInterp' },
};

/** Settings: the defaults through the XML path, each non-default value alone, the combinations. */
function settings() {
  const out = [['defaults', {}]];
  for (const [key, values] of Object.entries(SWITCH_VALUES)) {
    for (const v of values) if (v !== DEFAULTS[key]) out.push([`${key}-${v}`, { [key]: v }]);
  }
  for (const [label, sw] of Object.entries(COMBOS)) out.push([label, sw]);
  return out;
}

/** Which settings run on which input (the 26-actor input gets the single switches only). */
const INPUTS = {
  dummyData_3Dim: () => true,
  'SOE-Pol-Comp': () => true,
  'SOE-Policy': (label) => !label.startsWith('combo-') || label === 'combo-smpExample',
};

// ---------------------------------------------------------------------------------------------
// CSV in, XML out.

function parseCsv(file) {
  const cells = (line) => line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const [name, desc, n, d] = cells(lines[0]);
  const numAct = Number(n);
  const numDim = Number(d);
  const header = cells(lines[1]);
  const dims = Array.from({ length: numDim }, (_, k) => header[3 + 2 * k]);
  const actors = lines.slice(2, 2 + numAct).map((line) => {
    const c = cells(line);
    return {
      name: c[0],
      description: c[1],
      power: c[2],
      position: Array.from({ length: numDim }, (_, k) => c[3 + 2 * k]),
      salience: Array.from({ length: numDim }, (_, k) => c[4 + 2 * k]),
    };
  });
  return { name, desc, dims, actors };
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function scenarioXml(scen, sw, seed) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Scenario xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="smpSchema.xsd">',
    `  <name>${esc(scen.name)}</name>`,
    `  <desc>${esc(scen.desc)}</desc>`,
    `  <prngSeed>${seed}</prngSeed>`,
    '  <ModelParameters>',
  ];
  // Element order as in KTAB's smpExample.xml.
  for (const key of ['victoryProbModel', 'pceModel', 'stateTransition', 'votingRule', 'riskAdjust', 'riskRange', 'thirdPartyCommit', 'bargainInterpolation', 'bargainModel']) {
    const el = KTAB_SWITCHES[key].xml;
    lines.push(`    <${el}>${toKtab(key, sw[key])}</${el}>`);
  }
  lines.push('  </ModelParameters>', '  <Dimensions>');
  for (const d of scen.dims) lines.push(`    <dName>${esc(d)}</dName>`);
  lines.push('  </Dimensions>', '  <Actors>');
  for (const a of scen.actors) {
    lines.push('    <Actor>', `      <name>${esc(a.name)}</name>`, `      <description>${esc(a.description)}</description>`);
    lines.push(`      <capability>${a.power}</capability>`, '      <Position>');
    for (const x of a.position) lines.push(`        <dCoord>${x}</dCoord>`);
    lines.push('      </Position>', '      <Salience>');
    for (const s of a.salience) lines.push(`        <dSal>${s}</dSal>`);
    lines.push('      </Salience>', '    </Actor>');
  }
  const first = esc(scen.actors[0].name);
  lines.push(
    '  </Actors>',
    '  <IdealAdjustment>',
    '    <iaPair>',
    `      <adjustingIdeal>${first}</adjustingIdeal>`,
    `      <referencePos>${first}</referencePos>`,
    '      <adjust>1.0</adjust>',
    '    </iaPair>',
    '  </IdealAdjustment>',
    '</Scenario>',
    '',
  );
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Running KTAB.

function runSmpc(ktab, xmlFile, dir, expectFailure) {
  const db = path.join(dir, 'smpc');
  execFileSync(path.join(ktab, 'examples/smp/smpc'), ['--xml', xmlFile, '--logmin', '--connstr', `Driver=QSQLITE;Database=${db}`], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (expectFailure && !existsSync(`${db}.db`)) return null;
  const conn = new Database(`${db}.db`, { readonly: true });
  try {
    const scen = conn.prepare('SELECT * FROM ScenarioDesc').all();
    if (expectFailure && scen.length === 0) return null;
    if (scen.length !== 1) throw new Error(`${xmlFile}: smpc wrote ${scen.length} scenarios (KTAB rejected the input?)`);
    const params = {};
    for (const [key, k] of Object.entries(KTAB_SWITCHES)) params[key] = fromKtab(key, k.names[scen[0][k.db]]);
    const rows = conn.prepare('SELECT Turn_t, Act_i, Dim_k, Pos_Coord FROM VectorPosition ORDER BY Turn_t, Act_i, Dim_k').all();
    const positions = [];
    for (const r of rows) {
      positions[r.Turn_t] ??= [];
      positions[r.Turn_t][r.Act_i] ??= [];
      positions[r.Turn_t][r.Act_i][r.Dim_k] = r.Pos_Coord;
    }
    return { params, seed: scen[0].RNGSeed, positions };
  } finally {
    conn.close();
  }
}

function runDump(dump, xmlFile, dir, run) {
  const out = execFileSync(dump, [xmlFile, path.join(dir, `dump-${run}`)], { cwd: dir, maxBuffer: 1 << 28 });
  const result = JSON.parse(out.toString('utf8'));
  return result;
}

const maxDiff = (a, b) => {
  if (a.length !== b.length) return Infinity;
  let worst = 0;
  a.forEach((s, t) => s.forEach((row, i) => row.forEach((x, k) => (worst = Math.max(worst, Math.abs(x - b[t][i][k]))))));
  return worst;
};

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = { repeat: 3, stochasticRuns: 10, only: null, ktab: null, work: '/tmp/ktab-settings-runs' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--ktab') opts.ktab = path.resolve(v());
    else if (a === '--only') opts.only = new RegExp(v());
    else if (a === '--repeat') opts.repeat = Number(v());
    else if (a === '--stochastic-runs') opts.stochasticRuns = Number(v());
    else if (a === '--work') opts.work = path.resolve(v());
    else throw new Error(`unknown argument ${a}`);
  }
  if (!opts.ktab) throw new Error('--ktab DIR (a KTAB checkout built with harness/build-ktab.sh) is required');
  return opts;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dump = path.join(here, 'harness/ktab-dump');
  for (const f of [path.join(opts.ktab, 'examples/smp/smpc'), dump]) if (!existsSync(f)) throw new Error(`missing ${f}: run harness/build-ktab.sh`);
  mkdirSync(path.join(here, 'xml'), { recursive: true });
  mkdirSync(path.join(here, 'expected'), { recursive: true });
  const seed = '03707583219545544125'; // prngSeed of KTAB's dummyData_3Dim.xml (used only by Stochastic)

  for (const [input, accepts] of Object.entries(INPUTS)) {
    const scen = parseCsv(path.join(here, 'inputs', `${input}.csv`));
    for (const [label, partial] of settings()) {
      if (!accepts(label)) continue;
      const id = `${input}.${label}`;
      if (opts.only && !opts.only.test(id)) continue;
      const sw = { ...DEFAULTS, ...partial };
      const xmlRel = `xml/${id}.xml`;
      const xmlFile = path.join(here, xmlRel);
      writeFileSync(xmlFile, scenarioXml(scen, sw, seed));
      const dir = path.join(opts.work, id);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      copyFileSync(path.join(opts.ktab, 'examples/smp/smpc-logger.conf'), path.join(dir, 'smpc-logger.conf'));

      const started = process.hrtime.bigint();
      const probe = runDump(dump, xmlFile, dir, 'probe');
      const record = {
        format: 'ktab-smp-result/1',
        case: id,
        input: `inputs/${input}.csv`,
        xml: xmlRel,
        switches: sw,
        scale: '0..100',
        numActors: scen.actors.length,
        numDims: scen.dims.length,
        actors: scen.actors.map((a) => a.name),
        dims: scen.dims,
      };
      let smpc = null;
      if (probe.error) {
        // KTAB rejects the run; smpc must reject it too (no scenario in its database).
        const check = runSmpc(opts.ktab, xmlFile, dir, true);
        if (check) throw new Error(`${id}: ktab-dump failed (${probe.error}) but smpc ran`);
        record.error = probe.error;
      } else {
        smpc = runSmpc(opts.ktab, xmlFile, dir, false);
        for (const key of Object.keys(sw)) {
          if (smpc.params[key] !== sw[key]) throw new Error(`${id}: KTAB recorded ${key} = ${smpc.params[key]}, asked for ${sw[key]}`);
        }
        const stochastic = sw.stateTransition === 'Stochastic';
        const runs = [probe];
        while (runs.length < (stochastic ? opts.stochasticRuns : opts.repeat)) runs.push(runDump(dump, xmlFile, dir, runs.length));
        const identical = runs.every((r) => maxDiff(r.positions, probe.positions) === 0 && JSON.stringify(r.probHistory) === JSON.stringify(probe.probHistory));
        const smpcDiff = maxDiff(smpc.positions, probe.positions);
        if (stochastic || !identical || smpcDiff !== 0) {
          const outcomes = [...runs.map((r) => ({ turns: r.turns, final: r.positions[r.turns], positions: r.positions })), { turns: smpc.positions.length - 1, final: smpc.positions[smpc.positions.length - 1], positions: smpc.positions }];
          const distinct = new Set(outcomes.map((o) => JSON.stringify(o.positions))).size;
          Object.assign(record, {
            nondeterministic: true,
            runs: outcomes.length,
            distinctOutcomes: distinct,
            outcomes: outcomes.map(({ turns, final, positions }) => ({ turns, final, positions })),
          });
          if (!stochastic) console.warn(`${id}: NOT reproducible (${distinct} distinct histories in ${outcomes.length} runs)`);
        } else {
          Object.assign(record, {
            turns: probe.turns,
            final: probe.positions[probe.turns],
            finalProb: probe.probHistory[probe.turns],
            positions: probe.positions,
            probHistory: probe.probHistory,
            reproducible: { runs: runs.length + 1, identical: true },
          });
        }
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9 / ((record.runs ?? record.reproducible?.runs ?? 2));
      record.source = {
        tool: `KTAB SMP (smpc and SMPModel::runModel), KAPSARC/KTAB master @ ${KTAB_COMMIT.slice(0, 7)} (fork lsyaseen/KTAB)`,
        commit: KTAB_COMMIT,
        command: `smpc --xml ${xmlRel} --logmin --connstr "Driver=QSQLITE;Database=run"`,
        seed: smpc ? smpc.seed : undefined,
        ktabParams: Object.fromEntries(Object.entries(KTAB_SWITCHES).map(([key, k]) => [k.xml, toKtab(key, smpc ? smpc.params[key] : sw[key])])),
        secondsPerRun: Math.round(seconds * 100) / 100,
      };
      writeFileSync(path.join(here, 'expected', `${id}.json`), `${JSON.stringify(record)}\n`);
      console.log(`${id}: ${record.error ? `KTAB error: ${record.error}` : record.nondeterministic ? `nondeterministic (${record.distinctOutcomes} outcomes in ${record.runs} runs)` : `${record.turns} turns`}, ${record.source.secondsPerRun} s/run`);
    }
  }
}

main();
