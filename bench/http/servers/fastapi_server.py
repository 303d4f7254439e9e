"""(d) FastAPI on uvicorn (Debian's packages): the same six routes, async handlers, two chained Depends.

Usage: python3 fastapi_server.py <port>
"""
import sys
from typing import List, Optional

import uvicorn
from fastapi import Depends, FastAPI
from pydantic import BaseModel, Field


class Hello(BaseModel):
    hello: str


class ItemRef(BaseModel):
    id: int
    q: Optional[str] = None
    limit: int


class ItemIn(BaseModel):
    name: str = Field(min_length=1)
    price: float = Field(ge=0)
    count: int
    active: bool
    tags: List[str]
    note: Optional[str] = None


class Item(ItemIn):
    id: int


class User(BaseModel):
    id: int
    name: str
    email: str
    active: bool


class DepsOut(BaseModel):
    user_id: int
    db: str


def stored_user(user_id: int) -> dict:
    return {
        "id": user_id,
        "name": f"User {user_id}",
        "email": f"user{user_id}@example.com",
        "active": user_id % 2 == 0,
        "passwordHash": "$2b$12$abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQ",
        "internalNotes": "never sent",
        "createdBy": 1,
    }


USERS = [stored_user(i + 1) for i in range(100)]

app = FastAPI()


@app.get("/hello", response_model=Hello)
async def hello():
    return {"hello": "world"}


@app.get("/items/{id}", response_model=ItemRef)
async def read_item(id: int, q: Optional[str] = None, limit: int = 10):
    return {"id": id, "q": q, "limit": limit}


@app.post("/items", response_model=Item, status_code=201)
async def create_item(item: ItemIn):
    return {"id": 1, **item.dict()}


@app.get("/users/{id}", response_model=User)
async def read_user(id: int):
    return stored_user(id)


@app.get("/users", response_model=List[User])
async def list_users():
    return USERS


async def get_db():
    return {"name": "main"}


async def current_user(db: dict = Depends(get_db)):
    return {"id": 1, "db": db["name"]}


@app.get("/deps", response_model=DepsOut)
async def deps(user: dict = Depends(current_user)):
    return {"user_id": user["id"], "db": user["db"]}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
