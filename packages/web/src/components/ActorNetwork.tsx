/**
 * The actors as a network (Cytoscape, loaded lazily): states, alliances and organisations that take
 * part in relations; edges coloured by relation type, width by strength, arrows for directed
 * relations (trade, support).
 */
import { useEffect, useRef, useState } from 'react';
import type { Scenario } from '@brink/engine/scenario';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';

export const relationColours: Record<string, string> = {
  alliance: '#2f5d9b',
  partnership: '#7b4fa0',
  rivalry: '#c0392b',
  trade: '#2e8b57',
  support: '#d38b1f',
};

const kindColours: Record<string, string> = {
  state: '#1d2433',
  alliance: '#2f5d9b',
  organisation: '#6c778e',
  person: '#9aa3b5',
  group: '#6c778e',
};

/**
 * The network's nodes and edges. By default: the states and the actors that take part in relations;
 * with `everyone`, also the persons and organisations, each tied to its state (or organisation) by a
 * thin grey "belongs to" edge.
 */
export function networkElements(scenario: Scenario, name: (m: Scenario['actors'][number]['names']) => string, everyone = false) {
  const inRelation = new Set(scenario.relations.flatMap((r) => [r.from, r.to]));
  const actors = scenario.actors.filter((a) => everyone || a.kind === 'state' || inRelation.has(a.id));
  const ids = new Set(actors.map((a) => a.id));
  const nodes = actors.map((a) => ({ data: { id: a.id, label: name(a.names), kind: a.kind, colour: kindColours[a.kind] ?? '#1d2433' } }));
  const belongs = everyone
    ? actors.flatMap((a) => {
        const owner = a.affiliation && ids.has(a.affiliation) ? a.affiliation : a.state && ids.has(a.state) ? a.state : null;
        return owner && owner !== a.id ? [{ data: { id: `of-${a.id}`, source: a.id, target: owner, type: 'belongs', colour: '#c5cad6', width: 1, directed: 'no', strength: null } }] : [];
      })
    : [];
  const edges = scenario.relations
    .filter((r) => ids.has(r.from) && ids.has(r.to))
    .map((r) => ({
      data: {
        id: `rel-${r.id}`,
        source: r.from,
        target: r.to,
        type: r.type,
        colour: relationColours[r.type] ?? '#888',
        width: 1.5 + 7 * Math.max(0, Math.min(1, r.strength?.value ?? 0.4)),
        directed: r.type === 'trade' || r.type === 'support' ? 'yes' : 'no',
        strength: r.strength?.value ?? null,
      },
    }));
  return { nodes, edges: [...edges, ...belongs] };
}

const kindRing: Record<string, number> = { state: 4, alliance: 3, organisation: 2, group: 2, person: 1 };

export function ActorNetwork({ scenario, onSelect }: { scenario: Scenario; onSelect?: (actorId: string | null) => void }) {
  const { name, t } = useI18n();
  const [everyone, setEveryone] = useState(false);
  const shown = networkElements(scenario, name, everyone).nodes;
  const ref = useRef<HTMLDivElement>(null);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  useEffect(() => {
    let cy: { destroy(): void; on: (event: string, selector: string, fn: (e: { target: { id: () => string } }) => void) => void } | null = null;
    let cancelled = false;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !ref.current) return;
      const { nodes, edges } = networkElements(scenario, name, everyone);
      cy = cytoscape({
        container: ref.current,
        elements: [...nodes, ...edges],
        style: [
          {
            selector: 'node',
            style: {
              label: 'data(label)',
              'background-color': 'data(colour)',
              color: '#1d2433',
              'font-size': 13,
              'font-family': 'system-ui, "Noto Sans CJK TC", sans-serif',
              'text-valign': 'bottom',
              'text-margin-y': 4,
              'text-background-color': '#ffffff',
              'text-background-opacity': 0.8,
              'text-background-padding': '2px',
              'text-wrap': 'wrap',
              'text-max-width': '110px',
              width: 30,
              height: 30,
            },
          },
          { selector: 'node[kind = "person"]', style: { width: 14, height: 14, 'font-size': 10 } },
          { selector: 'node[kind = "organisation"]', style: { width: 18, height: 18, 'font-size': 10, shape: 'diamond' } },
          { selector: 'node[kind = "alliance"]', style: { shape: 'round-rectangle' } },
          {
            selector: 'edge',
            style: {
              width: 'data(width)',
              'line-color': 'data(colour)',
              'target-arrow-color': 'data(colour)',
              'curve-style': 'bezier',
              opacity: 0.85,
            },
          },
          { selector: 'edge[directed = "yes"]', style: { 'target-arrow-shape': 'triangle' } },
          { selector: 'edge[type = "rivalry"]', style: { 'line-style': 'dashed' } },
          { selector: 'edge[type = "belongs"]', style: { opacity: 0.6, 'curve-style': 'straight' } },
        ],
        // Deterministic: with states only, the most connected on an inner ring, the others around
        // them; with everyone, rings by kind (states inside, persons outside). Wide spacing keeps
        // labels apart.
        layout: {
          name: 'concentric',
          concentric: (node: { data: (k: string) => string; degree: (loops: boolean) => number; cy: () => { nodes: () => { map: (f: (n: { degree: (l: boolean) => number }) => number) => number[] } } }) => {
            if (everyone) return kindRing[node.data('kind')] ?? 1;
            const max = Math.max(...node.cy().nodes().map((n) => n.degree(false)));
            return node.degree(false) >= 0.5 * max ? 2 : 1;
          },
          levelWidth: () => 1,
          minNodeSpacing: everyone ? 38 : 85,
          padding: 30,
          animate: false,
        } as never,
      });
      cy.on('tap', 'node', (e) => selectRef.current?.(e.target.id()));
    });
    return () => {
      cancelled = true;
      cy?.destroy();
    };
  }, [scenario, name, everyone]);
  return (
    <div>
      <div className="network-toolbar">
        <span className="hint" data-testid="network-note">
          {t(everyone ? 'overview.networkAll' : 'overview.networkStates', { shown: shown.length, total: scenario.actors.length })}
        </span>
        <label>
          <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} data-testid="network-everyone" /> {t('overview.networkEveryone')}
        </label>
      </div>
      <div ref={ref} className={everyone ? 'network network-tall' : 'network'} data-testid="actor-network" />
      <div className="actor-chips" aria-label="actors">
        {shown.map((n) => (
          <button key={n.data.id} className="chip" onClick={() => onSelect?.(n.data.id)} data-actor={n.data.id}>
            {n.data.label}
          </button>
        ))}
      </div>
      <div className="legend">
        {Object.entries(relationColours).map(([type, colour]) => (
          <span key={type}>
            <i style={{ background: colour }} />
            {t(`relation.${type}` as MessageKey)}
          </span>
        ))}
      </div>
    </div>
  );
}
