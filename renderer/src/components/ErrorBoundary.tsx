// A failing panel shows its error and a way back; the rest of the window keeps working.
import { Component, type ReactNode } from 'react';
import i18next from 'i18next';

interface Props {
  /** names the panel in the message */
  name: string;
  /** a way back: the caller leaves the failing panel (e.g. goes to the overview) */
  onBack?: () => void;
  /** changing it (another plan, another view) clears a shown failure */
  resetKey?: unknown;
  children: ReactNode;
}

interface State { error: Error | null; resetKey: unknown }

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error): void {
    console.error(`panel ${this.props.name} failed:`, error);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18next.t.bind(i18next);
    return (
      <div className="card panel-failed" role="alert" data-testid="panel-error">
        <h3>{t('error.panel', { panel: t(`error.panels.${this.props.name}`) })}</h3>
        <p className="muted">{t('error.panelHelp')}</p>
        <pre className="small">{error.message}</pre>
        <div className="buttons">
          <button className="primary" onClick={() => this.setState({ error: null })} data-testid="panel-retry">{t('error.retry')}</button>
          {this.props.onBack && <button onClick={() => { this.setState({ error: null }); this.props.onBack?.(); }} data-testid="panel-back">{t('error.back')}</button>}
        </div>
      </div>
    );
  }
}
