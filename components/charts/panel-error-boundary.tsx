"use client";

import * as React from "react";
import { ErrorState } from "@/components/ui/error-state";

/**
 * Keeps a chart that throws while rendering (an unexpected shape of data, a Recharts bug)
 * inside its own card: the other panels of the page stay up.
 */
export class PanelErrorBoundary extends React.Component<{ children: React.ReactNode }, { error: unknown }> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  render() {
    if (this.state.error) {
      return <ErrorState size="compact" title="This panel could not be drawn" error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
