/** A one-line progress bar for a terminal, with no dependency. Does nothing when the stream is not a TTY. */
export function progressBar(stream: NodeJS.WriteStream, width = 30) {
  const enabled = stream.isTTY === true;
  return {
    update({ done, total, kommun }: { done: number; total: number; kommun: string | null }) {
      if (!enabled || total === 0) return;
      const filled = Math.round((done / total) * width);
      const label = kommun ? ` ${kommun}` : '';
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${label}   `);
      if (done === total) stream.write('\n');
    },
  };
}
