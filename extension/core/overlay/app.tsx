import { createPortal, render } from 'preact';
import type { FeedbackBody } from '../messages';
import { Details } from '../ui/Details';
import { EntryPoint } from '../ui/EntryPoint';
import type { OverlayActions } from './actions';
import type { OverlayEnv } from './env';
import type { OverlayModel } from './model';

interface AppProps {
  model: OverlayModel;
  actions: OverlayActions;
  env: OverlayEnv;
}

/**
 * The overlay's Preact part: one root, rendered into a detached container, that portals the entry
 * point and the details dialog into their shadow roots. (Badges are plain DOM: see badges.ts.)
 */
export function renderApp(container: Element, props: AppProps | null): void {
  render(props ? <App {...props} /> : null, container);
}

function App({ model, actions, env }: AppProps) {
  const { list, place, open, panelRoot: panel, entryRoot: entry, comparisonIds } = model.state;
  if (!list || !place) return null;
  const t = model.t();
  const { language, textSize } = model.state.settings;
  const placeName = place.name;
  return (
    <>
      {entry &&
        createPortal(
          <span class={`root size-${textSize}`} lang={language}>
            <EntryPoint
              service={t(`service_${list.service}`)}
              place={placeName}
              t={t}
              onOpen={() => actions.showAll()}
            />
          </span>,
          entry,
        )}
      {open &&
        panel &&
        createPortal(
          <Details
            key={open.unit.id}
            unit={open.unit}
            list={list}
            place={placeName}
            language={language}
            textSize={textSize}
            inComparison={comparisonIds.includes(open.unit.id)}
            t={t}
            reportContext={{ host: env.url.hostname, text: open.listingText }}
            actions={{
              history: (unitId) => env.send({ type: 'history', unitId }),
              report: (kind: FeedbackBody['kind']) =>
                env.send({
                  type: 'feedback',
                  body: {
                    unitId: open.unit.id,
                    huvudman: list.huvudman,
                    service: list.service,
                    pageHost: env.url.hostname,
                    listingText: open.listingText,
                    kind,
                  },
                }),
              addToComparison: () => actions.toggleComparison(open.unit.id),
              openComparison: () => {
                env.send({ type: 'openComparison' }).catch(() => {});
              },
            }}
            onClose={() => actions.close(open)}
          />,
          panel,
        )}
    </>
  );
}
