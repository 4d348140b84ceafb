"""Peewee without its server drivers until a server database is opened.

Peewee imports every database driver it finds (psycopg2, psycopg, pymysql) when it is imported itself. psycopg2
alone, with the ssl module it pulls in, costs some 30 ms at every start of the program, although nearly every office
works on a SQLite file. `install()` (called from the package's __init__) lets peewee load without them; the first
`PostgresqlDatabase` then loads psycopg2 and hands it to peewee exactly as peewee's own import would have.

The same way, four standard modules peewee imports but uses only in fields and features this program does not
start with (socket: IP address fields; uuid: UUID fields and server-side cursors; calendar: timestamp fields;
hashlib: long index names) reach peewee as stand-ins that import the real module at peewee's first use of it:
some 35 million instructions (~9 ms) less before the first rows. Everyone else importing them gets the real module.
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
from types import ModuleType
from typing import Any

DEFERRED = ("psycopg2cffi", "psycopg2", "psycopg", "pymysql", "MySQLdb")
ON_FIRST_USE = ("socket", "uuid", "calendar", "hashlib")


class _ModuleOnFirstUse(ModuleType):
    """Stands in for a standard module in peewee's namespace; the first attribute peewee asks of it imports the real
    module, which then takes the stand-in's place there."""

    def __init__(self, name: str, namespace: dict[str, Any]) -> None:
        super().__init__(name)
        self.__spec__ = None  # an import statement that meets it in sys.modules takes it as complete
        self._namespace = namespace

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__") and attribute.endswith("__"):
            # what the import system, inspect or PySide6's import hook look for (__file__, __wrapped__): not a use
            raise AttributeError(attribute)
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]  # used while peewee is still being imported: the real one from now on
        real = importlib.import_module(self.__name__)
        if self._namespace.get(self.__name__) is self:
            self._namespace[self.__name__] = real
        return getattr(real, attribute)


class _DeferDrivers:
    """Finds peewee the normal way, then runs its module code with the drivers looking absent.

    (A meta path finder needs only `find_spec`; subclassing importlib.abc's would import 20 ms of importlib.)"""

    def find_spec(self, fullname: str, path: Any = None, target: ModuleType | None = None) -> Any:
        if fullname != "peewee" or "peewee" in sys.modules:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return None
        run_module = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            blocked = [name for name in DEFERRED if name not in sys.modules]
            for name in blocked:
                sys.modules[name] = None  # type: ignore[assignment]  # "import halted": peewee sees no driver
            stand_ins = {
                name: _ModuleOnFirstUse(name, vars(module)) for name in ON_FIRST_USE if name not in sys.modules
            }
            sys.modules.update(stand_ins)
            try:
                run_module(module)
            finally:
                for name in blocked:
                    if sys.modules.get(name, 0) is None:
                        del sys.modules[name]
                for name, stand_in in stand_ins.items():
                    if sys.modules.get(name) is stand_in:
                        del sys.modules[name]  # the next importer gets the real module
            _load_driver_on_first_use(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def install() -> None:
    if "peewee" not in sys.modules and not any(isinstance(finder, _DeferDrivers) for finder in sys.meta_path):
        sys.meta_path.insert(0, _DeferDrivers())


def _load_driver_on_first_use(peewee: Any) -> None:
    database_class = peewee.PostgresqlDatabase
    original_init = database_class.init

    def init(self: Any, *args: Any, **kwargs: Any) -> Any:
        load_postgres_driver(peewee)
        return original_init(self, *args, **kwargs)

    database_class.init = init


def load_postgres_driver(module: ModuleType | None = None) -> bool:
    """Give peewee psycopg2 (what its import does when the driver is present); False when it is not installed."""
    peewee: Any = module
    if peewee is None:
        import peewee
    if peewee.psycopg2 is not None:
        return True
    try:
        import psycopg2
        from psycopg2 import extensions, extras
    except ImportError:
        return False
    extras.register_uuid()
    peewee.psycopg2, peewee.pg_extensions = psycopg2, extensions
    peewee.pg_register_uuid, peewee.Json_pg2 = extras.register_uuid, extras.Json
    adapter = peewee.Psycopg2Adapter
    adapter.txn_idle = extensions.TRANSACTION_STATUS_IDLE
    adapter.txn_inerror = extensions.TRANSACTION_STATUS_INERROR
    adapter.txn_unknown = extensions.TRANSACTION_STATUS_UNKNOWN
    return True
