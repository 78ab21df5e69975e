from typing import Annotated

from fastapi import Depends

from mindtrack.auth.permissions import Action, Resource, permit
from mindtrack.kit.dependencies import DbSession
from mindtrack.models import User
from mindtrack.sharing.service import SharingService


async def get_sharing_service(session: DbSession) -> SharingService:
    return SharingService(session)


SharingServiceDep = Annotated[SharingService, Depends(get_sharing_service)]
SharingReader = Annotated[User, Depends(permit(Resource.SHARING, Action.READ))]
SharingWriter = Annotated[User, Depends(permit(Resource.SHARING, Action.WRITE))]
PatientsReader = Annotated[User, Depends(permit(Resource.PATIENTS, Action.READ))]
PatientsWriter = Annotated[User, Depends(permit(Resource.PATIENTS, Action.WRITE))]
