import { useState, type DragEvent } from 'react';

/** Our own drag type, so a file or text dragged in from elsewhere is never taken for a row. */
const DRAG_TYPE = 'application/x-kedang-row';

export interface RowDrag {
  /** Props for the row at `index` (a table row or list item). */
  rowProps: (index: number) => {
    draggable: boolean;
    onDragStart: (e: DragEvent) => void;
    onDragOver: (e: DragEvent) => void;
    onDragLeave: () => void;
    onDrop: (e: DragEvent) => void;
    onDragEnd: () => void;
    'data-dragging'?: true;
    'data-drop-target'?: 'above' | 'below';
  };
}

/**
 * Reordering rows by HTML5 drag and drop (no library needed): drop a row on another and it takes
 * that row's place. The marks say where it will land; the up/down buttons beside each row do the
 * same from the keyboard.
 */
export function useRowDrag(enabled: boolean, onMove: (from: number, to: number) => void): RowDrag {
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const reset = () => {
    setDragging(null);
    setOver(null);
  };
  return {
    rowProps: (index) => ({
      draggable: enabled,
      onDragStart: (e) => {
        if (!enabled) return;
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData(DRAG_TYPE, String(index));
        setDragging(index);
      },
      onDragOver: (e) => {
        if (!enabled || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (over !== index) setOver(index);
      },
      onDragLeave: () => {
        if (over === index) setOver(null);
      },
      onDrop: (e) => {
        if (!enabled) return;
        const raw = e.dataTransfer.getData(DRAG_TYPE);
        e.preventDefault();
        reset();
        const from = Number(raw);
        if (raw !== '' && Number.isInteger(from) && from !== index) onMove(from, index);
      },
      onDragEnd: reset,
      ...(dragging === index ? { 'data-dragging': true as const } : {}),
      ...(over === index && dragging !== null && dragging !== index
        ? { 'data-drop-target': dragging < index ? ('below' as const) : ('above' as const) }
        : {}),
    }),
  };
}
