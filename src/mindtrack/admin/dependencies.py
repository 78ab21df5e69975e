from typing import Annotated

from fastapi import Depends

from mindtrack.admin.service import AdminService
from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.kit.dependencies import DbSession
from mindtrack.models import User


async def get_admin_service(session: DbSession) -> AdminService:
    return AdminService(session)


AdminServiceDep = Annotated[AdminService, Depends(get_admin_service)]
AccountsReader = Annotated[User, Depends(permit(Resource.ACCOUNTS, Action.READ))]
AccountsWriter = Annotated[User, Depends(permit(Resource.ACCOUNTS, Action.WRITE))]
StatisticsReader = Annotated[User, Depends(permit(Resource.STATISTICS, Action.READ))]
