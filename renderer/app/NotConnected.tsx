/** Shown when the page was opened without the one-run token that `genlog serve` prints. */
export function NotConnected() {
  return (
    <div className="not-connected">
      <h1>GenLog is not connected</h1>
      <p>This page needs the address printed by <code>genlog serve</code>, including its <code>?token=…</code> part.</p>
      <p>Run <code>genlog serve</code> in a terminal and open the URL it prints. The token changes every time the server starts.</p>
    </div>
  );
}
