"""Archive-scale batches: the live stages on partitions of WARC, JSONL and HTML/text inputs, locally or on Dask.

    run_batch(inputs, out=…)   plan -> partitions -> run_partition on an engine -> Parquet tables + manifest.json
    load_batch(out, store=…)   committed partitions -> the store (articles, signatures, analyses, failures, copies)

Modules: :mod:`.plan` (inputs to partitions), :mod:`.read` (a partition's documents),
:mod:`.work` (the stages on one partition, on a worker), :mod:`.tables` (Arrow schemas
and rows), :mod:`.output` (the output folder: atomic files, markers, manifest),
:mod:`.engines` (local and Dask), :mod:`.run` (the driver), :mod:`.load` (into the store).
Needs the ``batch`` extra (pyarrow; dask[distributed] for the Dask engine; fsspec for remote paths).
"""

from livebrief.batch.load import load_batch
from livebrief.batch.plan import InputFile, Partition, expand_inputs, plan, plan_file
from livebrief.batch.read import read_partition
from livebrief.batch.run import BatchError, BatchOptions, BatchReport, run_batch
from livebrief.batch.work import PartitionResult, Stages, run_partition

__all__ = ["BatchError", "BatchOptions", "BatchReport", "InputFile", "Partition", "PartitionResult", "Stages",
           "expand_inputs", "load_batch", "plan", "plan_file", "read_partition", "run_batch", "run_partition"]
