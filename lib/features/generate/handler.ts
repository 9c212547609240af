/**
 * The generate channel: the kept outputs of the record a panel shows (sent as that record comes into view), each
 * output as it streams, and the panel's Generate, Stop and outcome reports.
 */
import type { ChannelHandler, PanelConnection } from '../../messaging/feature-handler';
import { changeLines, type RecordViewService } from '../record-view';
import { Feature, type GenerateEvent } from './messages';
import type { GenerationService } from './service';

export interface GenerateHandlerDeps {
  records: Pick<RecordViewService, 'watch' | 'recordInView'>;
  generations: GenerationService;
  /** Whether the output's own switch is on (the rep's settings and the policy). */
  featureAllowed(feature: Feature): Promise<boolean>;
}

export function createGenerateHandler({ records, generations, featureAllowed }: GenerateHandlerDeps): ChannelHandler<'generate'> {
  const stops = new WeakMap<PanelConnection<GenerateEvent>, () => void>();

  const sendKept = async (panel: PanelConnection<GenerateEvent>): Promise<void> => {
    const inView = await records.recordInView(panel.windowId);
    if (inView) panel.send({ type: 'generations', recordId: inView.card.recordId, generations: await generations.kept(inView, Feature.options) });
  };

  return {
    channel: 'generate',
    connected(panel) {
      let shownRecord: string | null = null;
      const stopWatching = records.watch(panel.windowId, (view) => {
        const recordId = view.kind === 'record' ? view.card.recordId : null;
        if (recordId === shownRecord) return;
        shownRecord = recordId;
        void sendKept(panel);
      });
      const stopUpdates = generations.subscribe((generation) => {
        if (generation.recordId === shownRecord) panel.send({ type: 'generation', generation });
      });
      stops.set(panel, () => {
        stopWatching();
        stopUpdates();
      });
    },
    disconnected(panel) {
      stops.get(panel)?.();
    },
    async handle(request, panel) {
      switch (request.type) {
        case 'generate': {
          const inView = await records.recordInView(panel.windowId);
          if (!inView || !(await featureAllowed(request.feature))) return;
          const target = { ...inView, recordId: inView.card.recordId, lastVisit: inView.card.lastVisit, changes: changeLines(inView.card.changes) };
          await generations.generate(target, request.feature, request.email);
          return;
        }
        case 'stop-generation': {
          const inView = await records.recordInView(panel.windowId);
          if (inView) generations.stop(inView.slotKey, request.feature);
          return;
        }
        case 'generation-outcome': {
          const slotKey = (await generations.slotOf(request.generationId)) ?? (await records.recordInView(panel.windowId))?.slotKey;
          if (slotKey) await generations.report(slotKey, request.feature, request.generationId, request.report, request.reportId);
          panel.send({ type: 'outcome-recorded', reportId: request.reportId });
        }
      }
    },
  };
}
