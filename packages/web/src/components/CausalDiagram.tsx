/**
 * The crisis model's causal diagram (Cytoscape, loaded lazily), drawn from the report's graph,
 * which the engine generates from the scenario's mechanisms and the model's links: nodes by kind
 * (stocks, auxiliaries, policies, actions, calendar signals, states, the deterrence model), edges by
 * sign (red raises, blue lowers, grey either), the article's mechanisms thick.
 */
import { useEffect, useRef } from 'react';
import type { CausalGraph } from '@brink/engine/crisis';

const kindStyle: Record<string, { colour: string; shape: string }> = {
  stock: { colour: '#1d2433', shape: 'round-rectangle' },
  auxiliary: { colour: '#6c778e', shape: 'ellipse' },
  policy: { colour: '#2e8b57', shape: 'round-rectangle' },
  action: { colour: '#d38b1f', shape: 'rectangle' },
  calendar: { colour: '#7b4fa0', shape: 'diamond' },
  state: { colour: '#b4302a', shape: 'octagon' },
  model: { colour: '#7f0000', shape: 'hexagon' },
};

export function graphElements(graph: CausalGraph, label: (n: CausalGraph['nodes'][number]) => string) {
  const nodes = graph.nodes.map((n) => ({ data: { id: n.id, label: label(n), kind: n.kind, colour: kindStyle[n.kind]?.colour ?? '#1d2433', shape: kindStyle[n.kind]?.shape ?? 'ellipse' } }));
  const edges = graph.edges.map((e) => ({
    data: {
      id: e.id,
      source: e.source,
      target: e.target,
      colour: e.sign === '+' ? '#b4302a' : e.sign === '-' ? '#2f5d9b' : '#9aa3b5',
      width: e.mechanism ? 3.5 : 1.2,
      mechanism: e.mechanism ?? '',
      form: e.form,
    },
  }));
  return { nodes, edges };
}

export function CausalDiagram({ graph, label, testId }: { graph: CausalGraph; label: (n: CausalGraph['nodes'][number]) => string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let cy: { destroy(): void } | null = null;
    let cancelled = false;
    void import('cytoscape').then(({ default: cytoscape }) => {
      if (cancelled || !ref.current) return;
      const { nodes, edges } = graphElements(graph, label);
      cy = cytoscape({
        container: ref.current,
        elements: [...nodes, ...edges],
        style: [
          {
            selector: 'node',
            style: {
              label: 'data(label)',
              'background-color': 'data(colour)',
              shape: 'data(shape)' as never,
              color: '#1d2433',
              'font-size': 10,
              'font-family': 'system-ui, "Noto Sans CJK TC", sans-serif',
              'text-valign': 'bottom',
              'text-wrap': 'wrap',
              'text-max-width': '110px',
              'text-margin-y': 3,
              'text-background-color': '#ffffff',
              'text-background-opacity': 0.75,
              width: 18,
              height: 18,
            },
          },
          { selector: 'node[kind = "stock"]', style: { width: 26, height: 18 } },
          { selector: 'node[kind = "model"]', style: { width: 34, height: 34, 'font-weight': 'bold' } },
          {
            selector: 'edge',
            style: {
              width: 'data(width)',
              'line-color': 'data(colour)',
              'target-arrow-color': 'data(colour)',
              'target-arrow-shape': 'triangle',
              'arrow-scale': 0.8,
              'curve-style': 'bezier',
              opacity: 0.75,
            },
          },
        ],
        // Deterministic layout: circles by kind (stocks inside, actions and calendar outside).
        layout: {
          name: 'concentric',
          concentric: (node: { data: (k: string) => string }) => ({ model: 6, state: 5, stock: 4, auxiliary: 3, policy: 3, calendar: 1, action: 2 })[node.data('kind') as 'stock'] ?? 1,
          levelWidth: () => 1,
          minNodeSpacing: 40,
          padding: 20,
          animate: false,
        } as never,
      });
    });
    return () => {
      cancelled = true;
      cy?.destroy();
    };
  }, [graph, label]);
  return <div ref={ref} className="network causal-diagram" data-testid={testId ?? 'causal-diagram'} />;
}
