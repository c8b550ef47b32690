/**
 * KTAB's SMP CSV input format (what `smpc --csv` reads; KTAB examples/smp/libsrc/smpread.cpp
 * SMPModel::csvRead; docs/smp.md):
 *
 *   <scenario name>,<description>,<N actors>,<D dimensions>[,...]
 *   Actor,Description,Power,<dim 1 name>,<dim 1 salience header>,...[,]
 *   <actor>,<description>,<power>,<pos 1>,<sal 1>,...,<pos D>,<sal D>[,]      (N lines)
 *
 * Validation as KTAB: 3 <= N <= 250, D >= 1, actor name 1..25 characters, description <= 256,
 * 0 < power < 1e8 (KTAB reads 0 but fails at run time), positions and saliences in 0..100, each
 * actor's salience sum in (0, 100]. Fields are trimmed of blanks and of surrounding double quotes;
 * extra fields are ignored. Errors name the place as `file:row:col` (1-based line, 1-based
 * character column of the field).
 */
import { InputError } from '../errors';
import { exceedsUtf8Bytes, LIMITS } from '../limits';
import type { SmpInput } from './smp/types';

interface Field {
  text: string;
  col: number;
}

function splitLine(line: string): Field[] {
  const fields: Field[] = [];
  let i = 0;
  for (;;) {
    const start = i;
    let text = '';
    // skip leading blanks to detect a quoted field
    let j = i;
    while (j < line.length && (line[j] === ' ' || line[j] === '\t')) j++;
    if (line[j] === '"') {
      j++;
      while (j < line.length) {
        if (line[j] === '"') {
          if (line[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        text += line[j];
        j++;
      }
      while (j < line.length && line[j] !== ',') text += line[j++]; // text after the closing quote
      i = j;
      text = text.trim();
    } else {
      while (j < line.length && line[j] !== ',') j++;
      text = line.slice(i, j).trim();
      if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
      i = j;
    }
    fields.push({ text, col: start + 1 });
    if (i >= line.length) break;
    i++; // skip the comma
    if (i >= line.length) break; // trailing comma: no empty last field
  }
  return fields;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseKtabCsv(text: string, fileName = 'input.csv'): SmpInput {
  if (exceedsUtf8Bytes(text, LIMITS.maxTextBytes)) {
    throw new InputError(`the file is larger than the limit of ${LIMITS.maxTextBytes} bytes`, { place: fileName, expected: 'a smaller file (docs/limits.md)' });
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const at = (row: number, col: number) => `${fileName}:${row}:${col}`;
  const fieldsOf = (row: number): Field[] => splitLine(lines[row - 1] ?? '');
  const need = (fields: Field[], idx: number, row: number, what: string): Field => {
    const f = fields[idx];
    if (!f || (f.text === '' && idx > 1)) {
      const col = f ? f.col : (lines[row - 1] ?? '').length + 1;
      throw new InputError(`missing ${what} (field ${idx + 1})`, { place: at(row, col), expected: what });
    }
    return f;
  };
  const num = (f: Field, row: number, what: string, min: number, max: number, minExclusive = false): number => {
    if (!NUMBER.test(f.text)) throw new InputError(`${what} is not a number: ${JSON.stringify(f.text)}`, { place: at(row, f.col), expected: 'a number' });
    const x = Number(f.text);
    if (x < min || x > max || (minExclusive && x === min)) {
      throw new InputError(`${what} ${f.text} is out of range`, { place: at(row, f.col), expected: `${minExclusive ? '>' : '>='} ${min} and <= ${max}` });
    }
    return x;
  };
  const int = (f: Field, row: number, what: string, min: number, max: number): number => {
    if (!/^\d+$/.test(f.text)) throw new InputError(`${what} must be a whole number, got ${JSON.stringify(f.text)}`, { place: at(row, f.col), expected: 'an integer' });
    const x = Number(f.text);
    if (x < min || x > max) throw new InputError(`${what} ${x} is out of range`, { place: at(row, f.col), expected: `${min}..${max}` });
    return x;
  };

  if (lines.length === 0 || lines[0]!.trim() === '') throw new InputError('empty file', { place: at(1, 1) });
  const head = fieldsOf(1);
  const name = need(head, 0, 1, 'scenario name').text;
  const description = head[1]?.text ?? '';
  const n = int(need(head, 2, 1, 'number of actors'), 1, 'number of actors', 3, Math.min(250, LIMITS.maxActors));
  const dims = int(need(head, 3, 1, 'number of dimensions'), 1, 'number of dimensions', 1, LIMITS.maxDimensions);

  const hdr = fieldsOf(2);
  if ((lines[1] ?? '').trim() === '') throw new InputError('missing header line', { place: at(2, 1) });
  const dimensions: { name: string }[] = [];
  for (let d = 0; d < dims; d++) {
    const f = need(hdr, 3 + 2 * d, 2, `name of dimension ${d + 1}`);
    need(hdr, 4 + 2 * d, 2, `salience header of dimension ${d + 1}`);
    dimensions.push({ name: f.text });
  }

  const actors: SmpInput['actors'] = [];
  const positions: number[][] = [];
  const saliences: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = 3 + i;
    if (row > lines.length || (lines[row - 1] ?? '').trim() === '') {
      throw new InputError(`expected ${n} actor lines, found ${i}`, { place: at(row, 1), expected: 'an actor line' });
    }
    const fs = fieldsOf(row);
    const actorName = fs[0]?.text ?? '';
    if (actorName.length < 1 || actorName.length > 25) {
      throw new InputError(`actor name must have 1 to 25 characters, got ${JSON.stringify(actorName)}`, { place: at(row, fs[0]?.col ?? 1) });
    }
    const desc = fs[1]?.text ?? '';
    if (desc.length > 256) throw new InputError('actor description longer than 256 characters', { place: at(row, fs[1]!.col) });
    const power = num(need(fs, 2, row, 'power'), row, 'power', 0, 1e8, true);
    const p: number[] = [];
    const s: number[] = [];
    let salSum = 0;
    for (let d = 0; d < dims; d++) {
      const fp = need(fs, 3 + 2 * d, row, `position on ${dimensions[d]!.name}`);
      const fsal = need(fs, 4 + 2 * d, row, `salience on ${dimensions[d]!.name}`);
      p.push(num(fp, row, 'position', 0, 100));
      const sv = num(fsal, row, 'salience', 0, 100);
      salSum += sv;
      if (salSum > 100) {
        throw new InputError(`total salience of ${actorName} exceeds 100 (${salSum})`, { place: at(row, fsal.col), expected: 'sum of saliences <= 100' });
      }
      s.push(sv);
    }
    if (!(salSum > 0)) throw new InputError(`actor ${actorName} has zero total salience`, { place: at(row, fs[4]!.col), expected: 'sum of saliences > 0' });
    actors.push(desc ? { name: actorName, description: desc, power } : { name: actorName, power });
    positions.push(p);
    saliences.push(s);
  }
  return description ? { name, description, actors, dimensions, positions, saliences } : { name, actors, dimensions, positions, saliences };
}

function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Write an SmpInput as KTAB CSV (numbers in shortest round-trip form, trailing commas as KTAB's examples). */
export function writeKtabCsv(input: SmpInput): string {
  const out: string[] = [];
  out.push([csvField(input.name), csvField(input.description ?? ''), String(input.actors.length), String(input.dimensions.length)].join(',') + ',');
  const head = ['Actor', 'Description', 'Power'];
  for (const d of input.dimensions) head.push(csvField(d.name), csvField(`${d.name} Salience`));
  out.push(head.join(',') + ',');
  input.actors.forEach((a, i) => {
    const row = [csvField(a.name), csvField(a.description ?? ''), String(a.power)];
    for (let k = 0; k < input.dimensions.length; k++) row.push(String(input.positions[i]![k]), String(input.saliences[i]![k]));
    out.push(row.join(',') + ',');
  });
  return out.join('\n') + '\n';
}
